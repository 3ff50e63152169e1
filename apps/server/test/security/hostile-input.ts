/** Classic SQL injection payloads, sent as every query and path parameter of the API. */
export const SQL_PAYLOADS: readonly string[] = [
  `' OR 1=1 --`,
  `1; DROP TABLE areas`,
  `%' --`,
  `" OR ""="`,
  `’ OR ‘1’=‘1’ --`,
  `ʼ; DELETE FROM observations; --`,
  `1' UNION SELECT login, password_hash FROM users --`,
  `name;DELETE FROM areas`,
  `\\'; DROP TABLE indicators; --`,
  `a\u0000b`,
  `x`.repeat(10_000),
];

/** One line per payload for test names: long and control characters shortened. */
export function label(payload: string): string {
  const shown = payload.length > 40 ? `${payload.slice(0, 12)}…(${payload.length} chars)` : payload;
  return JSON.stringify(shown);
}
