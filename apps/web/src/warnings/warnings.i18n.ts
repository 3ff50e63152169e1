/** UI strings of the warnings page, German and English (merged into the catalogues in i18n/). */
export const warningsDe = {} as const;

export const warningsEn: Record<keyof typeof warningsDe, string> = {};
