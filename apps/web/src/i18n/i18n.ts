import { de, type MessageKey, type Messages } from './de.ts';
import { en } from './en.ts';
import type { Lang } from '../lib/format.ts';

export type { MessageKey };

const CATALOGUES: Record<Lang, Messages> = { de, en };

/** Looks a message up and fills in `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[lang][key] ?? de[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Picks the English name of a catalogue entry when English is chosen and one exists. */
export function localName(lang: Lang, item: { name: string; nameEn: string | null }): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}
