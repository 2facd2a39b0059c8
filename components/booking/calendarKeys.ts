/**
 * The calendar's React Query keys, shared with the flow's prefetch: a month of days (§16) or
 * of slots (the manage page), and one day's slots, all under the caller's base key so one
 * invalidation refreshes them together.
 */
export const monthKey = (
  base: readonly unknown[],
  zone: string,
  month: string,
  days: boolean,
): unknown[] => [...base, zone, days ? 'days' : 'slots', month];

export const dayKey = (base: readonly unknown[], zone: string, day: string | null): unknown[] => [
  ...base,
  zone,
  'day',
  day,
];
