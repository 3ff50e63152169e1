import { defuseFormula } from '@lagebild/importers';
import type { DirectoryItem } from './directory-items.ts';

export type ExportLocale = 'de' | 'en';

type Cell = string | number | null;

const COLUMNS: { de: string; en: string; value: (item: DirectoryItem) => Cell }[] = [
  { de: 'ID', en: 'ID', value: (i) => i.id },
  { de: 'Name', en: 'Name', value: (i) => i.name },
  { de: 'Kategorie-ID', en: 'Category ID', value: (i) => i.category.id },
  { de: 'Kategorie', en: 'Category', value: (i) => i.category.name },
  { de: 'Zielgruppen', en: 'Target groups', value: (i) => i.targetGroups.join(', ') },
  { de: 'Lebensphasen', en: 'Life phases', value: (i) => i.lifePhases.join(', ') },
  { de: 'Sprachen', en: 'Languages', value: (i) => i.languages.join(', ') },
  { de: 'Plätze', en: 'Places', value: (i) => i.capacity },
  { de: 'Freie Plätze', en: 'Free places', value: (i) => i.freePlaces },
  { de: 'Freie Plätze am', en: 'Free places on', value: (i) => i.freePlacesDate },
  { de: 'Kosten', en: 'Costs', value: (i) => i.costs },
  { de: 'Öffnungszeiten', en: 'Opening hours', value: (i) => i.openingHours },
  { de: 'Telefon', en: 'Phone', value: (i) => i.contact.phone },
  { de: 'E-Mail', en: 'E-mail', value: (i) => i.contact.email },
  { de: 'Ansprechperson', en: 'Contact person', value: (i) => i.contact.person },
  { de: 'Website', en: 'Website', value: (i) => i.website },
  { de: 'Beschreibung', en: 'Description', value: (i) => i.description },
  { de: 'Einrichtung', en: 'Facility', value: (i) => i.facility?.name ?? null },
  { de: 'Straße', en: 'Street', value: (i) => i.facility?.address.street ?? null },
  { de: 'Hausnummer', en: 'House number', value: (i) => i.facility?.address.houseNumber ?? null },
  { de: 'PLZ', en: 'Postcode', value: (i) => i.facility?.address.postcode ?? null },
  { de: 'Ort', en: 'City', value: (i) => i.facility?.address.city ?? null },
  { de: 'Bezirk/Ortsteil', en: 'District', value: (i) => i.facility?.address.district ?? null },
  { de: 'Längengrad', en: 'Longitude', value: (i) => i.facility?.location?.lon ?? null },
  { de: 'Breitengrad', en: 'Latitude', value: (i) => i.facility?.location?.lat ?? null },
  { de: 'Barrierefreiheit', en: 'Accessibility', value: (i) => i.facility?.accessibility.join(', ') ?? null },
  { de: 'Träger', en: 'Provider', value: (i) => i.provider?.name ?? null },
  { de: 'Trägerart', en: 'Provider type', value: (i) => i.provider?.kind ?? null },
  { de: 'Spitzenverband', en: 'Umbrella association', value: (i) => i.provider?.umbrella ?? null },
  { de: 'Gültig ab', en: 'Valid from', value: (i) => i.validFrom },
  { de: 'Gültig bis', en: 'Valid until', value: (i) => i.validTo },
  { de: 'Zuletzt geprüft', en: 'Last verified', value: (i) => i.lastVerified },
  { de: 'Entfernung (km)', en: 'Distance (km)', value: (i) => i.distanceKm ?? null },
  { de: 'Quelle', en: 'Source', value: (i) => i.source.name ?? i.source.id },
  { de: 'Quellenvermerk', en: 'Attribution', value: (i) => i.source.attribution },
];

/**
 * The published entries as CSV, like the indicator export: byte order mark and CRLF; `de` with `;`
 * and decimal comma (opens in German Excel), `en` with `,` and decimal point. Every row names its
 * source with the attribution its licence requires, the date it was last verified and the export date.
 */
export function directoryCsv(
  items: readonly DirectoryItem[],
  locale: ExportLocale,
  exportedAt: string,
): string {
  const separator = locale === 'de' ? ';' : ',';
  const cell = (value: Cell) => {
    const text = typeof value === 'number' ? numberText(value, locale) : defuseFormula(value ?? '');
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = [...COLUMNS.map((c) => c[locale]), locale === 'de' ? 'Abgerufen' : 'Retrieved'];
  const rows = items.map((item) => [...COLUMNS.map((c) => c.value(item)), exportedAt]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(separator)).join('\r\n')}\r\n`;
}

function numberText(value: number, locale: ExportLocale): string {
  const text = String(value);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/** The published entries as GeoJSON points (RFC 7946, WGS84), with their sources in `metadata`. */
export function directoryGeoJson(items: readonly DirectoryItem[], exportedAt: string) {
  const sources = new Map(items.map((i) => [i.source.id, i.source]));
  return {
    type: 'FeatureCollection' as const,
    metadata: { exportedAt, sources: [...sources.values()] },
    features: items.map((item) => {
      const { facility, ...service } = item;
      const location = facility?.location;
      return {
        type: 'Feature' as const,
        id: item.id,
        geometry: location ? { type: 'Point' as const, coordinates: [location.lon, location.lat] } : null,
        properties: {
          ...service,
          facility: facility
            ? {
                id: facility.id,
                name: facility.name,
                address: facility.address,
                accessibility: facility.accessibility,
              }
            : null,
          exportedAt,
        },
      };
    }),
  };
}
