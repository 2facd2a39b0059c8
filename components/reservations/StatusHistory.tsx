'use client';

import { useId } from 'react';
import { Skeleton } from '@/components/ui';
import { errorMessage } from '@/components/api/apiFetch';
import { isOutageError } from '@/components/api/outage';
import { LoadingOrOutage } from '@/components/ui/QueryView';
import { useReservationHistory } from './queries';
import { STATUS_LABELS } from './status';
import { StatusBadge } from './StatusBadge';
import { formatInZone } from './time';
import type { StatusChange } from './types';
import styles from './StatusHistory.module.css';

const ACTOR_LABELS: Record<string, string> = {
  staff: 'Staff member',
  api_key: 'API key',
  customer: 'Customer',
  ai_assistant: 'AI assistant',
};

/** Who made a change: a staff member by name; other callers by kind, then their name if any. */
export function actorLabel(change: Pick<StatusChange, 'actor_kind' | 'actor_name'>): string {
  const kind = ACTOR_LABELS[change.actor_kind] ?? change.actor_kind.replaceAll('_', ' ');
  if (!change.actor_name) return kind;
  return change.actor_kind === 'staff' ? change.actor_name : `${kind} “${change.actor_name}”`;
}

/** The drawer's timeline of status changes, in the organization's zone. */
export function StatusHistory({
  reservationId,
  timeZone,
}: {
  reservationId: string;
  timeZone: string;
}) {
  const history = useReservationHistory(reservationId);
  const headingId = useId();
  const changes = history.data ?? [];
  return (
    <section className={styles.history} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        History
      </h3>
      {history.isPending || (history.isError && isOutageError(history.error)) ? (
        <LoadingOrOutage queries={[history]}>
          <div className={styles.loading} role="status" aria-label="Loading history">
            <Skeleton height={14} width="70%" />
          </div>
        </LoadingOrOutage>
      ) : history.isError ? (
        <p className={styles.note}>
          Could not load the history: {errorMessage(history.error)}{' '}
          <button type="button" className={styles.retry} onClick={() => history.refetch()}>
            Try again
          </button>
        </p>
      ) : changes.length === 0 ? (
        <p className={styles.note}>No status changes recorded.</p>
      ) : (
        <ol className={styles.timeline} aria-label="Status history">
          {changes.map((change) => (
            <li key={change.id} className={styles.item}>
              <span className={styles.dot} aria-hidden="true" />
              <div className={styles.what}>
                <StatusBadge status={change.to_status} />
                <span className={styles.from}>
                  {change.from_status ? `from ${STATUS_LABELS[change.from_status]}` : 'created'}
                </span>
              </div>
              <div className={styles.meta}>
                {actorLabel(change)} ·{' '}
                <time dateTime={change.created_at}>
                  {formatInZone(change.created_at, timeZone, 'd MMM yyyy, HH:mm')}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
