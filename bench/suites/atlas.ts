import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runJob, runRounds, type JobResult, type Variant } from '../harness.ts';
import type { AtlasBrowserParams, AtlasVariant } from '../jobs/atlas-browser.ts';
import { formatAtlasTable } from './atlas-report.ts';
import { startAtlasServer } from './atlas-server.ts';
import type { SuiteContext, SuiteResult } from './context.ts';

const CHROMIUM = process.env.LAGEBILD_CHROMIUM ?? '/usr/bin/chromium';

export const ATLAS_LABELS: Record<AtlasVariant, string> = {
  atlas: 'Atlas',
  maplibre: 'MapLibre alone, same GeoJSON',
  'maplibre-full': 'MapLibre alone, full geometry',
};
/** The fair baseline: the same data from the same server, drawn by MapLibre without the app. */
export const ATLAS_BASELINE = ATLAS_LABELS.maplibre;
export const ATLAS_METRICS = {
  navigation: 'navigation → map',
  switch: 'indicator switch',
  reclassify: 'reclassify (Jenks)',
  zoom: 'zoom in 1.5 levels',
} as const;
export type AtlasMetric = keyof typeof ATLAS_METRICS;

/**
 * Benchmark 4: the atlas with all ~11,000 Gemeinden in headless Chromium, against MapLibre alone
 * drawing the same GeoJSON from the same server at the same map size (and, as a second baseline,
 * the unsimplified geometry). Each run is a fresh browser in its own child process.
 */
export async function atlasSuite(ctx: SuiteContext): Promise<SuiteResult> {
  if (!existsSync(CHROMIUM)) {
    // Skipped, not failed: a full `npm run bench` must not lose the other suites' results over it.
    const reason = `skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set LAGEBILD_CHROMIUM)`;
    return {
      name: 'atlas',
      input: { skipped: reason },
      setup: [],
      variants: {},
      format: () => `atlas: ${reason}`,
    };
  }
  const server = await startAtlasServer(join(ctx.work, 'atlas-demo.db'));
  try {
    const params = (variant: AtlasVariant, map?: AtlasBrowserParams['map']) => ({
      job: 'atlas-browser',
      params: { baseUrl: server.baseUrl, variant, chromium: CHROMIUM, simplify: atlasSimplify(), map },
    });
    // Untimed warm-up: the server's code paths and the page assets once, and the atlas' map size.
    const warmAtlas = await runJob(params('atlas'));
    const map = { width: warmAtlas.counts.mapWidth!, height: warmAtlas.counts.mapHeight! };
    const warmBaseline = await runJob(params('maplibre', map));
    const variants: Variant[] = (['atlas', 'maplibre', 'maplibre-full'] as const).map((variant) => ({
      label: ATLAS_LABELS[variant],
      product: variant === 'atlas',
      start: async () => ({ spec: params(variant, map) }),
    }));
    const runs = await runRounds(variants, ctx.runs, { ...ctx, profileDir: null, bigStack: false });
    const serverSetup: JobResult = {
      job: 'atlas-server',
      seconds: Math.round(server.setupSeconds * 10) / 10,
      cpuSeconds: 0,
      counts: {},
      peakRssMiB: 0,
    };
    return {
      name: 'atlas',
      input: {
        level: 'gemeinde',
        areas: warmAtlas.counts.areas ?? 0,
        indicators: 'bev_insgesamt → flaeche_km2',
        window: '1440×900',
        map: `${map.width}×${map.height} CSS px`,
        simplify: atlasSimplify(),
      },
      setup: [serverSetup, warmAtlas, warmBaseline],
      variants: byMetric(runs),
      format: (suite) => formatAtlasTable(suite),
    };
  } finally {
    await server.close();
  }
}

/** One variant per metric and page: `Atlas · indicator switch`, with the step's time as `seconds`. */
function byMetric(runs: Record<string, JobResult[]>): Record<string, JobResult[]> {
  const out: Record<string, JobResult[]> = {};
  for (const metric of Object.keys(ATLAS_METRICS) as AtlasMetric[]) {
    for (const [label, results] of Object.entries(runs)) {
      const step = (r: JobResult) =>
        metric === 'navigation'
          ? { seconds: r.seconds, cpuSeconds: r.cpuSeconds }
          : { seconds: r.phases?.[metric], cpuSeconds: r.phases?.[`${metric} cpu`] };
      if (results.every((r) => step(r).seconds === undefined)) continue;
      out[`${label} · ${ATLAS_METRICS[metric]}`] = results.map((r) => ({
        ...r,
        seconds: step(r).seconds!,
        cpuSeconds: step(r).cpuSeconds ?? 0,
        phases: {},
      }));
    }
  }
  return out;
}

/** The tolerance the atlas asks for, read from its source so the baseline never drifts from it. */
function atlasSimplify(): number {
  const source = readFileSync(join(REPO_ROOT, 'apps/web/src/state/data.ts'), 'utf8');
  const match = /export const SIMPLIFY = ([\d.]+);/.exec(source);
  if (!match) throw new Error('apps/web/src/state/data.ts: SIMPLIFY not found; update bench/suites/atlas.ts');
  return Number(match[1]);
}
