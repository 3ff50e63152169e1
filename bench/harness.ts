import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * The harness: every measured job runs in its own child process (`node --import tsx bench/job.ts`),
 * so its peak memory (maxRSS) is its own and nothing warm carries over from one job to the next.
 * The child prints one line `RESULT {json}`; everything else it writes goes to the terminal.
 */

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const JOB_ENTRY = fileURLToPath(new URL('./job.ts', import.meta.url));
const RESULT_PREFIX = 'RESULT ';

export interface JobSpec {
  job: string;
  params: Record<string, unknown>;
}

/** What a job reports: timed seconds, optional split into phases, counts that show the work done. */
export interface JobOutcome {
  seconds: number;
  /**
   * CPU time (user + system, all threads) of the process during the timed part. Below `seconds`:
   * the process waited (for PostgreSQL or the disk); above: it used more than one core (DuckDB).
   */
  cpuSeconds: number;
  phases?: Record<string, number>;
  counts: Record<string, number>;
}

export interface JobResult extends JobOutcome {
  job: string;
  /** The machine's 1-minute load average when the job started (about 0 on an idle machine). */
  loadAverage?: number;
  /** Peak resident set size of the child process, in MiB. */
  peakRssMiB: number;
}

export interface SpawnOptions {
  /** Extra node flags for this child, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Run the child with a 256 MiB stack (see BIG_STACK). */
  bigStack?: boolean;
}

/**
 * Workaround, not a tuning: planTable (packages/importers/src/pipeline/plan-import.ts) collects
 * observations with `push(...array)`, which passes
 * every element as an argument and overflows the default stack (about 984 KiB, so about 125,000
 * observations per import) with a RangeError. A larger stack lets the product path run to the end;
 * it does not change its speed. Remove once the product collects observations without spreading.
 */
const BIG_STACK = { ulimitKiB: 262_144, v8StackKiB: 200_000 };

/** Runs one job in a fresh child process and returns its result; rejects when the child fails. */
export function runJob(spec: JobSpec, options: SpawnOptions = {}): Promise<JobResult> {
  const flags = [
    ...(options.nodeFlags ?? []),
    ...(options.bigStack ? [`--stack-size=${BIG_STACK.v8StackKiB}`] : []),
  ];
  const args = [...flags, '--import', 'tsx', JOB_ENTRY, JSON.stringify(spec)];
  // The stack of the main thread is fixed by the limit at exec time, so a shell raises it first.
  const [command, commandArgs] = options.bigStack
    ? ['/bin/sh', ['-c', `ulimit -s ${BIG_STACK.ulimitKiB} && exec "$0" "$@"`, process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`job ${spec.job} failed (exit code ${code}):\n${stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as JobResult);
    });
  });
}

/** In the child: prints the outcome with the process's peak RSS (resourceUsage reports KiB). */
export function reportFromChild(job: string, outcome: JobOutcome): void {
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const result: JobResult = { job, ...outcome, peakRssMiB: round(peakRssMiB, 1) };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Wall-clock and CPU time of the timed part of a job. */
export function stopwatch(): { seconds: () => number; cpuSeconds: () => number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  return {
    seconds: () => round((performance.now() - start) / 1000, 3),
    cpuSeconds: () => {
      const used = process.cpuUsage(cpu);
      return round((used.user + used.system) / 1e6, 2);
    },
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One measured variant of a benchmark: how to start a run of it, and what to clean up after. */
export interface Variant {
  label: string;
  /** Lagebild's own code (profiled with --profile), as opposed to a baseline. */
  product: boolean;
  start(run: number): Promise<{ spec: JobSpec; cleanup?: () => unknown }>;
}

/**
 * Runs every variant `runs` times, round by round (A B C, A B C, …), so a slow phase of the machine
 * hits all variants alike. Returns the results per variant label.
 */
export async function runRounds(
  variants: Variant[],
  runs: number,
  options: { profileDir: string | null; bigStack: boolean },
): Promise<Record<string, JobResult[]>> {
  const { profileDir, bigStack } = options;
  const results: Record<string, JobResult[]> = Object.fromEntries(variants.map((v) => [v.label, []]));
  for (let run = 1; run <= runs; run++) {
    for (const variant of variants) {
      const { spec, cleanup } = await variant.start(run);
      const nodeFlags = profileDir && variant.product ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
      try {
        const loadAverage = round(loadavg()[0]!, 2);
        const result = await runJob(spec, { nodeFlags, bigStack: bigStack && variant.product });
        results[variant.label]!.push({ ...result, loadAverage });
        process.stderr.write(
          `  run ${run}/${runs}  ${variant.label.padEnd(28)} ${result.seconds.toFixed(2).padStart(7)} s   (load ${loadAverage.toFixed(2)})\n`,
        );
      } finally {
        await cleanup?.();
      }
    }
  }
  return results;
}
