import { AppError, type ErrorDetail } from '@/lib/http/errors';

/**
 * §18 reasons as a customer may read them. The engine's own messages name resources ("Booth
 * is already booked…") and carry resource ids: that is staff knowledge, so a public
 * `slot_unavailable` keeps only the reason codes, with these sentences.
 */
const PUBLIC_REASON_TEXT: Record<string, string> = {
  outside_hours: 'That time is outside opening hours.',
  blocked: 'That day is closed.',
  resource_busy: 'That time has just been taken.',
  capacity_full: 'That time is fully booked.',
  min_notice: 'That time is too soon to book online.',
  max_advance: 'That time is too far ahead to book yet.',
  off_grid: 'That is not one of the available start times.',
  inactive: 'That service cannot be booked at the moment.',
  party_size_capacity: 'There is not enough room for that many people.',
};

export function toPublicError(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'slot_unavailable') return error;
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const detail of error.details ?? []) {
    const reason = typeof detail.reason === 'string' ? detail.reason : 'unavailable';
    if (seen.has(reason)) continue;
    seen.add(reason);
    details.push({
      ...(detail.path ? { path: detail.path } : {}),
      reason,
      message: PUBLIC_REASON_TEXT[reason] ?? 'That time is not available.',
    });
  }
  return new AppError(
    'slot_unavailable',
    409,
    details[0]?.message ?? 'That time is not available.',
    details,
  );
}
