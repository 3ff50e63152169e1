import { useState } from 'preact/hooks';
import { isDiverging } from '../lib/colour-schemes.ts';
import { formatNumber } from '../lib/format.ts';
import type { ChoroplethController } from '../map/choropleth-controller.ts';
import { atlasClasses, atlasModel } from '../state/atlas-model.ts';
import { currentIndicator } from '../state/data.ts';
import { lang, t } from '../state/store.ts';
import { downloadBlob, safeFileName } from './download.ts';
import { currentCaption } from './export-caption.ts';
import { areaCount, legendEntries } from './legend-entries.ts';
import { composeMapImage } from './map-image.ts';

/** Saves the map as it is on screen as a PNG, with title, legend, source and date drawn around it. */
export function MapExportButton({ controller }: { controller: ChoroplethController }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = atlasModel.value.status === 'ready' && currentIndicator.value !== null;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await controller.whenIdle();
      const image = await nextFrame(controller, () => composeCurrentMap(controller));
      const blob = await new Promise<Blob>((resolve, reject) =>
        image.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png'),
      );
      downloadBlob(
        blob,
        safeFileName([...currentCaption().fileParts, lang.value === 'en' ? 'map' : 'karte'], 'png'),
      );
    } catch (e) {
      setError(t('exports.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        class="text"
        onClick={save}
        disabled={!ready || busy}
        title={t('exports.mapPngTitle')}
        aria-busy={busy}
      >
        {busy ? t('exports.busy') : t('exports.mapPng')}
      </button>
      {error && (
        <p role="alert" class="notice export-error">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * Runs `draw` inside MapLibre's next `render` event, while the WebGL drawing buffer certainly holds
 * the frame (the map also keeps it with `preserveDrawingBuffer`, so this is belt and braces).
 */
function nextFrame<T>(controller: ChoroplethController, draw: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    controller.map.once('render', () => {
      try {
        resolve(draw());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    controller.map.triggerRepaint();
  });
}

function composeCurrentMap(controller: ChoroplethController): HTMLCanvasElement {
  const l = lang.value;
  const indicator = currentIndicator.value!;
  const classes = atlasClasses.value;
  const canvas = controller.map.getCanvas();
  const legendLines = [t('legend.unit', { unit: indicator.unit })];
  if (classes && classes.reference !== null && isDiverging(classes.scheme))
    legendLines.push(
      t('legend.reference', { value: formatNumber(classes.reference, indicator.decimals, l) }),
    );
  return composeMapImage({
    map: canvas,
    width: canvas.clientWidth,
    height: canvas.clientHeight,
    caption: currentCaption(),
    legendTitle: t('legend.title'),
    legendLines,
    legend: legendEntries(classes, atlasModel.value.rows, indicator.decimals, l, t),
    countText: (count) => areaCount(count, l, t),
    labels: shownLabels(canvas),
    // The map canvas's own resolution (device pixels), so the map is copied without scaling.
    scale: canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : 1,
  });
}

/** The area names over the map (HTML elements of AreaLabels), as centres relative to the canvas. */
function shownLabels(canvas: HTMLCanvasElement): { text: string; x: number; y: number }[] {
  const frame = canvas.getBoundingClientRect();
  const container = canvas.closest('.maplibregl-map') ?? canvas.parentElement;
  return [...(container?.querySelectorAll<HTMLElement>('.map-label') ?? [])].flatMap((label) => {
    const box = label.getBoundingClientRect();
    const x = box.left + box.width / 2 - frame.left;
    const y = box.top + box.height / 2 - frame.top;
    const inside = x >= 0 && y >= 0 && x <= frame.width && y <= frame.height;
    return inside && label.textContent ? [{ text: label.textContent, x, y }] : [];
  });
}
