import { useSignalEffect, type ReadonlySignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { AreaCollection } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { formatPeriod } from '../lib/format.ts';
import { recordRender } from '../lib/render-timing.ts';
import { areaStyles, atlasModel } from '../state/atlas-model.ts';
import { areas, currentIndicator, currentLevel, effectivePeriod } from '../state/data.ts';
import { hoverKey, lang, selectedKeys, t, viewState, zoomRequest } from '../state/store.ts';
import type { ChoroplethController } from './choropleth-controller.ts';

/** Pushes geometry, colours, selection and hover into the map whenever they change. */
export function useMapSync(
  controllerSignal: ReadonlySignal<ChoroplethController | null>,
  wrap: { current: HTMLDivElement | null },
) {
  const shownAreas = useRef<{ controller: ChoroplethController; data: AreaCollection } | null>(null);
  // Updates run one after another, so a fast animation never interleaves two renders.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const ensureAreas = async (controller: ChoroplethController, data: AreaCollection) => {
    const shown = shownAreas.current;
    if ((shown?.controller === controller && shown.data === data) || areas.state.peek().data !== data) return;
    shownAreas.current = { controller, data };
    await controller.setAreas(data);
  };
  // Geometry and colours go in together, so the tiles are built once with their colours.
  useSignalEffect(() => {
    const controller = controllerSignal.value;
    const styles = areaStyles.value;
    const model = atlasModel.value;
    if (!controller || model.status === 'loading') return;
    queue.current = queue.current.then(async () => {
      const data = areas.state.peek().data;
      if (atlasModel.peek() !== model || controllerSignal.peek() !== controller || !data) return;
      await ensureAreas(controller, data);
      await controller.setStyles(styles);
      await controller.setSelected(selectedKeys.peek());
      await controller.whenIdle();
      if (atlasModel.peek() === model && wrap.current)
        recordRender(wrap.current, model.key, model.rows.length);
    });
  });
  useSignalEffect(() => {
    const keys = selectedKeys.value;
    void controllerSignal.value?.setSelected(keys);
  });
  useSignalEffect(() => {
    const key = hoverKey.value;
    void controllerSignal.value?.setHover(key);
  });
  useSignalEffect(() => {
    const show = viewState.value.labels;
    controllerSignal.value?.showLabels(show);
  });
  useSignalEffect(() => {
    const request = zoomRequest.value;
    if (request) controllerSignal.value?.zoomTo(request.keys);
  });
}

export function useCanvasLabel(controllerSignal: ReadonlySignal<ChoroplethController | null>) {
  useSignalEffect(() => {
    const controller = controllerSignal.value;
    const indicator = currentIndicator.value;
    const level = currentLevel.value;
    const period = effectivePeriod.value;
    const l = lang.value;
    if (!controller || !level) return;
    const label = indicator
      ? t('map.label', {
          indicator: localName(l, indicator),
          level: localName(l, level),
          period: period ? formatPeriod(period, l) : '',
        })
      : t('map.labelEmpty', { level: localName(l, level) });
    const canvas = controller.map.getCanvas();
    canvas.setAttribute('aria-label', label);
    canvas.setAttribute('aria-describedby', 'map-hint');
  });
}
