/** Entries unchecked for this many months are flagged and their editors reminded (setting). */
export const DEFAULT_VERIFICATION_MONTHS = 12;

/** The ISO date `months` calendar months before `today` (clamped to the month's last day). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Is the entry due for verification on `today`? Never verified counts as due; verified exactly
 * `months` ago is due (the anniversary is the deadline).
 */
export function isVerificationDue(
  lastVerified: string | null,
  today: string,
  months = DEFAULT_VERIFICATION_MONTHS,
): boolean {
  if (lastVerified === null) return true;
  return lastVerified.slice(0, 10) <= monthsBefore(today, months);
}
