/**
 * The page to return to after signing in: only a path of this site. Anything else — an absolute or
 * protocol-relative URL (`//evil.example`), a backslash trick, control characters — gives `/`, so
 * the sign-in cannot be used to send people to another site (open redirect).
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (
    !value ||
    value.length > 2000 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const origin = 'http://lagebild.invalid';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
