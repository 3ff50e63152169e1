/** UI strings of the compare page, German and English (merged into the catalogues in i18n/). */
export const compareDe = {} as const;

export const compareEn: Record<keyof typeof compareDe, string> = {};
