/** UI strings of the profile page, German and English (merged into the catalogues in i18n/). */
export const profileDe = {} as const;

export const profileEn: Record<keyof typeof profileDe, string> = {};
