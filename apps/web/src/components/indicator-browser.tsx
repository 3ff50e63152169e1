import type { CatalogueEntry } from '../api/types.ts';
import { localName } from '../i18n/i18n.ts';
import { selectIndicator } from '../state/actions.ts';
import { catalogue, levelById } from '../state/data.ts';
import { lang, t, updateView, viewState } from '../state/store.ts';
import { LoadState } from './load-state.tsx';

/** Searches the catalogue in names, description, id and topic (German and English). */
export function matchesSearch(entry: CatalogueEntry, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase('de');
  if (needle === '') return true;
  return [entry.id, entry.name, entry.nameEn ?? '', entry.description ?? '', entry.topic].some((text) =>
    text.toLocaleLowerCase('de').includes(needle),
  );
}

export function IndicatorBrowser() {
  const { q, topic, indicator } = viewState.value;
  const res = catalogue.state.value;
  const all = res.data ?? [];
  const topics = [...new Set(all.map((i) => i.topic))].sort((a, b) => a.localeCompare(b, 'de'));
  const found = all.filter((i) => (!topic || i.topic === topic) && matchesSearch(i, q));
  const groups = topics
    .map((name) => ({ name, items: found.filter((i) => i.topic === name) }))
    .filter((g) => g.items.length > 0);

  return (
    <section class="browser" aria-labelledby="browser-heading">
      <h2 id="browser-heading">{t('browser.title')}</h2>
      <div class="field">
        <label for="indicator-search">{t('browser.search')}</label>
        <input
          id="indicator-search"
          type="search"
          value={q}
          placeholder={t('browser.searchPlaceholder')}
          autocomplete="off"
          onInput={(e) => updateView({ q: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="topic-filter">{t('browser.topic')}</label>
        <select
          id="topic-filter"
          value={topic ?? ''}
          onChange={(e) => updateView({ topic: e.currentTarget.value || null })}
        >
          <option value="">{t('browser.allTopics')}</option>
          {topics.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <LoadState resource={res} retry={catalogue.retry} />
      <p class="result-count" role="status">
        {found.length === 1 ? t('browser.result1') : t('browser.results', { count: found.length })}
      </p>
      {res.status === 'ready' && found.length === 0 && <p>{t('browser.none')}</p>}
      <div class="indicator-groups">
        {groups.map((group) => (
          <section key={group.name} aria-label={group.name} class="indicator-group">
            <h3>{group.name}</h3>
            <ul>
              {group.items.map((item) => (
                <IndicatorItem key={item.id} item={item} current={item.id === indicator} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function IndicatorItem({ item, current }: { item: CatalogueEntry; current: boolean }) {
  const levels = levelById.value;
  const levelNames = item.coverage
    .filter((c) => c.values > 0)
    .map((c) => levels.get(c.levelId))
    .filter((l) => l !== undefined)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((l) => localName(lang.value, l));
  return (
    <li>
      <button
        type="button"
        class="indicator-item"
        aria-pressed={current}
        data-indicator={item.id}
        onClick={() => selectIndicator(item.id)}
      >
        <span class="indicator-name">{localName(lang.value, item)}</span>
        <span class="indicator-meta">
          {item.unit} · {t('browser.levels', { levels: levelNames.join(', ') })}
        </span>
      </button>
    </li>
  );
}
