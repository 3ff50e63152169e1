import cliProgress from 'cli-progress';

/** A progress bar on stderr for long imports; silent when stderr is not a terminal (CI, pipes). */
export function progressBar(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started && total > 20_000) {
        bar.start(total, 0);
        started = true;
      }
      if (started) bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
