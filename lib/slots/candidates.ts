import type { Instant, Interval } from './types';

/**
 * §8.2 candidate starts: every window anchors its own grid,
 * window_start + k × interval in elapsed time, while the service fits.
 * Returns the union over all window lists of starts in [from, to], sorted, deduplicated.
 */
export function candidateStarts(
  windowLists: Interval[][],
  intervalMs: number,
  durationMs: number,
  from: Instant,
  to: Instant,
): Instant[] {
  if (to < from) return [];
  // Resources often share their hours: each distinct window is walked once.
  const seen = new Set<string>();
  const collected: Instant[] = [];
  for (const windows of windowLists) {
    for (const w of windows) {
      if (w.end - durationMs < from || w.start > to) continue;
      const key = `${w.start}:${w.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const k0 = from > w.start ? Math.ceil((from - w.start) / intervalMs) : 0;
      for (let s = w.start + k0 * intervalMs; s + durationMs <= w.end && s <= to; s += intervalMs) {
        collected.push(s);
      }
    }
  }
  const sorted = Float64Array.from(collected).sort();
  const starts: Instant[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) starts.push(sorted[i]!);
  }
  return starts;
}

/** Whether `start` is on the grid of some window (the single-candidate twin of candidateStarts). */
export function isCandidateStart(
  windowLists: Interval[][],
  intervalMs: number,
  durationMs: number,
  start: Instant,
): boolean {
  return windowLists.some((windows) =>
    windows.some(
      (w) =>
        w.start <= start && start + durationMs <= w.end && (start - w.start) % intervalMs === 0,
    ),
  );
}
