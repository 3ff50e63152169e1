import { AreaDetails } from '../components/area-details.tsx';
import { ChartsPanel } from '../components/charts-panel.tsx';
import { BasemapSetting } from '../components/basemap-setting.tsx';
import { ChoroplethMap } from '../components/choropleth-map.tsx';
import { ClassificationPanel } from '../components/classification-panel.tsx';
import { DataTable } from '../components/data-table.tsx';
import { IndicatorBrowser } from '../components/indicator-browser.tsx';
import { IndicatorSheet } from '../components/indicator-sheet.tsx';
import { LevelPicker, NoValuesOnLevel } from '../components/level-picker.tsx';
import { LoadState } from '../components/load-state.tsx';
import { MapLegend } from '../components/map-legend.tsx';
import { PeriodSlider } from '../components/period-slider.tsx';
import { atlasModel } from '../state/atlas-model.ts';
import { areas } from '../state/data.ts';
import { t, viewState } from '../state/store.ts';

/** The atlas: indicator browser, map, legend, table and charts of one indicator on one level. */
export function AtlasPage() {
  const { view } = viewState.value;
  const model = atlasModel.value;
  return (
    <div class="layout">
      <aside class="sidebar" aria-label={t('browser.title')}>
        <IndicatorBrowser />
      </aside>
      <main id="main" tabIndex={-1} aria-labelledby="main-heading" class={`view-${view}`}>
        <IndicatorSheet />
        <section class="controls" aria-label={t('controls.title')}>
          <LevelPicker />
          <PeriodSlider />
        </section>
        {areas.state.value.status === 'error' && (
          <LoadState resource={areas.state.value} retry={areas.retry} />
        )}
        {model.status === 'error' && (
          <p role="alert" class="notice">
            {t('app.error', { message: model.error ?? '' })}
          </p>
        )}
        {model.status === 'no-values' && <NoValuesOnLevel />}
        <div class="workspace">
          {view !== 'table' && (
            <section class="map-panel" aria-labelledby="map-heading">
              <h3 id="map-heading" class="visually-hidden">
                {t('map.title')}
              </h3>
              <p id="map-hint" class="hint">
                {t('map.hint')}
              </p>
              <ChoroplethMap />
            </section>
          )}
          <div class="side-panel">
            <MapLegend />
            <ClassificationPanel />
            <AreaDetails />
            <BasemapSetting />
          </div>
          {view !== 'map' && <DataTable />}
        </div>
        <ChartsPanel />
      </main>
    </div>
  );
}
