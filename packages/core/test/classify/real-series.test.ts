import { describe, expect, it } from 'vitest';
import { classify, type ClassifyOptions } from '../../src/classify/index.ts';
import { MSS_WFS_DIR, hasMssWfs, numberOrNull, readCsv } from '../indices/real-data.ts';

/** Every method on a real series (MSS 2021 S3 Transferbezug, 542 PLR, 6 missing), as a snapshot. */
describe.skipIf(!hasMssWfs)(
  'classification of a real series (skipped: ../shared/data/berlin-mss-2021-wfs absent)',
  () => {
    const values = hasMssWfs
      ? readCsv(`${MSS_WFS_DIR}mss_2021_index_indikatoren.csv`).map((r) => numberOrNull(r.S3))
      : [];
    const methods: [string, ClassifyOptions][] = [
      ['quantile 5', { method: 'quantile', classes: 5 }],
      ['equal-interval 5', { method: 'equal-interval', classes: 5 }],
      ['jenks 5', { method: 'jenks', classes: 5 }],
      ['sd 6', { method: 'sd', classes: 6 }],
      ['sd 5 half steps', { method: 'sd', classes: 5, sdStep: 0.5 }],
      ['manual MSS-like', { method: 'manual', breaks: [5, 10, 20, 30] }],
    ];
    it.each(methods)('%s', (_, options) => {
      const c = classify(values, options);
      expect(c.missing).toBe(6);
      expect(c.counts.reduce((a, b) => a + b, 0)).toBe(536);
      expect({
        breaks: c.breaks.map((b) => Math.round(b * 1e4) / 1e4),
        counts: c.counts,
        domain: c.domain,
        warnings: c.warnings,
      }).toMatchSnapshot();
    });
  },
);
