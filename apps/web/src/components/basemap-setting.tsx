import { useState } from 'preact/hooks';
import { t, updateView, viewState } from '../state/store.ts';

/** A MapLibre style URL for a basemap (e.g. basemap.de vector tiles); empty for none. */
export function BasemapSetting() {
  const { basemap } = viewState.value;
  const [text, setText] = useState(basemap ?? '');
  const apply = (e: Event) => {
    e.preventDefault();
    const url = text.trim();
    updateView({ basemap: /^(https?:\/\/|\/)/i.test(url) ? url : null }, 'push');
  };
  return (
    <details class="settings">
      <summary>{t('settings.title')}</summary>
      <form onSubmit={apply} class="field">
        <label for="basemap-input">{t('basemap.label')}</label>
        <div class="inline">
          <input
            id="basemap-input"
            type="url"
            value={text}
            aria-describedby="basemap-hint"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit">{t('basemap.apply')}</button>
        </div>
        <p id="basemap-hint" class="hint">
          {t('basemap.none')}
        </p>
      </form>
    </details>
  );
}
