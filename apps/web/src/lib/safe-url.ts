/**
 * The URL when it is an absolute http(s) link, else null. Text from imported data (a website column,
 * a source URL) may hold `javascript:` or `data:` URLs that would run when clicked: those are shown
 * as plain text, never as a link.
 */
export function httpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
