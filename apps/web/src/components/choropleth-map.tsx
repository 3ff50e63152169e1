import { useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { exposeMap } from '../lib/render-timing.ts';
import { ChoroplethController } from '../map/choropleth-controller.ts';
import { useCanvasLabel, useMapSync } from '../map/use-map-sync.ts';
import { MapExportButton } from '../exports/map-export-button.tsx';
import { selectArea } from '../state/actions.ts';
import { atlasModel } from '../state/atlas-model.ts';
import { hoverKey, t, updateView, viewState } from '../state/store.ts';
import { MapTooltip, type Tip } from './map-tooltip.tsx';

/** The choropleth: MapLibre without a basemap by default, a style URL from the view state otherwise. */
export function ChoroplethMap() {
  const basemap = viewState.value.basemap;
  const container = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  // A signal, so the map-sync effects also run when the map is (re)created (a new basemap).
  const controllerSignal = useSignal<ChoroplethController | null>(null);
  const [failed, setFailed] = useState<'webgl' | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    if (!container.current) return;
    let created: ChoroplethController;
    try {
      created = new ChoroplethController(container.current, basemap, {
        onHover: (key, point) => {
          hoverKey.value = key;
          setTip(key && point ? { key, x: point.x, y: point.y } : null);
        },
        onClick: (key, additive) => selectArea(key, additive),
        onBasemapError: () => setBasemapFailed(true),
      });
    } catch {
      setFailed('webgl');
      return;
    }
    controllerSignal.value = created;
    exposeMap(created);
    const observer = new ResizeObserver(() => created.map.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      created.destroy();
      controllerSignal.value = null;
    };
  }, [basemap]);

  useMapSync(controllerSignal, wrap);
  useCanvasLabel(controllerSignal);
  const controller = controllerSignal.value;

  const model = atlasModel.value;
  return (
    <div class="map-wrap" ref={wrap} data-map-status={model.status}>
      <div ref={container} class="map" />
      {controller && (
        <div class="map-tools" role="group" aria-label={t('map.title')}>
          <button
            type="button"
            onClick={() => controller.zoomBy(1)}
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => controller.zoomBy(-1)}
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
          >
            −
          </button>
          <button type="button" onClick={() => controller.fitAll()} class="text">
            {t('map.reset')}
          </button>
          <MapExportButton controller={controller} />
          <label class="map-check">
            <input
              type="checkbox"
              checked={viewState.value.labels}
              onChange={(e) => updateView({ labels: e.currentTarget.checked })}
            />{' '}
            {t('map.labels')}
          </label>
        </div>
      )}
      {model.status === 'loading' && (
        <p class="map-overlay" role="status">
          {t('app.loading')}
        </p>
      )}
      {failed && <p class="notice">{t('map.webglError')}</p>}
      {basemapFailed && <p class="notice map-notice">{t('map.basemapError')}</p>}
      {tip && <MapTooltip tip={tip} />}
    </div>
  );
}
