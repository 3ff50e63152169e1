// The start page: what this installation holds, straight from the API. (The atlas replaces it.)
const TEXT = {
  de: {},
  en: {
    title: 'Lagebild – data hub',
    intro: 'Spatial levels, areas and indicators of this installation.',
    levels: 'Spatial levels',
    level: 'Level',
    kind: 'Kind',
    areas: 'Areas',
    indicators: 'Indicators',
    indicator: 'Indicator',
    topic: 'Topic',
    unit: 'Unit',
    coverage: 'Values per level',
    api: 'API description (OpenAPI)',
  },
};
const KINDS = { de: { administrative: 'Verwaltung', statistical: 'Statistik', planning: 'Planung' }, en: {} };
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de';
document.documentElement.lang = lang;
for (const el of document.querySelectorAll('[data-i18n]')) {
  const text = TEXT[lang][el.dataset.i18n];
  if (text) el.textContent = text;
}
const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE');

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function load(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

const { levels } = await load('/api/v1/levels');
const levelNames = new Map(levels.map((l) => [l.id, lang === 'en' && l.nameEn ? l.nameEn : l.name]));
const levelOrder = new Map(levels.map((l, i) => [l.id, i]));
for (const level of levels) {
  const row = document.getElementById('levels').insertRow();
  cell(row, levelNames.get(level.id));
  cell(row, KINDS[lang][level.kind] ?? level.kind);
  cell(row, number.format(level.areaCount), 'number');
  const link = document.createElement('a');
  link.href = `/api/v1/levels/${encodeURIComponent(level.id)}/areas?simplify=0.001`;
  link.textContent = level.id;
  row.insertCell().append(link);
}
const { indicators } = await load('/api/v1/indicators');
for (const indicator of indicators) {
  const row = document.getElementById('indicators').insertRow();
  cell(row, lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name);
  cell(row, indicator.topic);
  cell(row, indicator.unit);
  const coverage = [...indicator.coverage].sort(
    (a, b) => (levelOrder.get(a.levelId) ?? 99) - (levelOrder.get(b.levelId) ?? 99),
  );
  cell(
    row,
    coverage.map((c) => `${levelNames.get(c.levelId) ?? c.levelId}: ${number.format(c.values)}`).join(' · '),
  );
}
