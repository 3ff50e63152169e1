import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, fixtures } from '../../apps/cli/test/cli-runner.ts';

const sandbox = cliSandbox('lagebild-analyse-cli-');
const { run: lagebild } = sandbox;

beforeAll(() => {
  for (const [mapping, file] of [
    ['kreise.mapping.yaml', 'kreise.geojson'],
    ['werte.mapping.yaml', 'werte.csv'],
  ])
    expect(lagebild('import', join(fixtures, mapping!), join(fixtures, file!), '--apply').code).toBe(0);
});
afterAll(() => sandbox.remove());

describe('lagebild analyse', () => {
  it('compares areas as a table in German number format, or as JSON', () => {
    const table = lagebild('analyse', 'compare', 'arbeitslose', '--level', 'kreis', '--period', '2020');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Methode: No confidence interval');
    expect(table.stdout).toMatch(/01003\s+Lübeck\s+9\.876/);
    const json = lagebild(
      'analyse',
      'compare',
      'arbeitslose',
      '--level',
      'kreis',
      '--period',
      '2020',
      '--json',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ level: 'kreis', method: { interval: 'none' } });
  });

  it('lists the warning rules it could not evaluate on this data', () => {
    const r = lagebild('analyse', 'warnings');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Frühwarnung: 0 Gebiet(e) auffällig');
    expect(r.stdout).toContain('nicht ausgewertet');
  });

  it('prints one line naming the problem and exits 1 on bad input', () => {
    const r = lagebild('analyse', 'index', 'berlin-mss-status', '--period', '2018-12-31');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lagebild: index "berlin-mss-status": indicator "mss_s1" has no values/);
    const reference = lagebild(
      'analyse',
      'compare',
      'arbeitslose',
      '--level',
      'kreis',
      '--reference',
      'oben',
    );
    expect(reference.code).toBe(1);
    expect(reference.stderr).toContain('reference "oben"');
  });
});
