'use client';

import { useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/apiFetch';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { useConfirm } from '@/components/ui/useConfirm';
import { catalogKeys, useExceptions } from '../queries';
import type { Resource, ResourceException } from '../types';
import { useFlash } from '../useFlash';
import { ExceptionForm } from './ExceptionForm';
import { formatDate, formatRange, todayIn } from './time';
import styles from '../catalog.module.css';

function describeDates(e: ResourceException): string {
  const end = e.end_date ?? e.date;
  return end === e.date ? formatDate(e.date) : `${formatDate(e.date)} – ${formatDate(end)}`;
}

function describeTimes(e: ResourceException): string {
  if (e.start_time && e.end_time) return formatRange(e.start_time, e.end_time);
  return 'All day';
}

/** §7: closures and special hours of one resource, upcoming first, past ones folded away. */
export function ExceptionsSection({ resource }: { resource: Resource }) {
  const queryClient = useQueryClient();
  const exceptions = useExceptions(resource.id);
  const today = todayIn(resource.timezone);
  const [flash, showFlash] = useFlash();
  const remove = useConfirm({
    action: (e: ResourceException) =>
      apiFetch(`/api/reservation-resource-exceptions/${e.id}`, { method: 'DELETE' }),
    onDone: () => {
      showFlash('Exception deleted.');
      void queryClient.invalidateQueries({ queryKey: catalogKeys.exceptions(resource.id) });
    },
  });

  const all = [...(exceptions.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const upcoming = all.filter((e) => (e.end_date ?? e.date) >= today);
  const past = all.filter((e) => (e.end_date ?? e.date) < today).reverse();

  const renderList = (items: ResourceException[], label: string) => (
    <ul className={styles.list} aria-label={label}>
      {items.map((e) => (
        <li key={e.id} className={styles.row}>
          <div className={styles.rowMain}>
            <span className={styles.rowTitle}>
              {describeDates(e)}
              {e.kind === 'blocked' ? (
                <span className={`${styles.badge} ${styles.badgeDanger}`}>Closed</span>
              ) : (
                <span className={`${styles.badge} ${styles.badgeAccent}`}>Special hours</span>
              )}
            </span>
            <span className={styles.rowMeta}>
              {describeTimes(e)}
              {e.reason && ` · ${e.reason}`}
            </span>
          </div>
          <div className={styles.rowActions}>
            <Button
              size="sm"
              variant="dangerGhost"
              aria-label={`Delete exception ${describeDates(e)}`}
              onClick={() => remove.ask(e)}
            >
              Delete
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );

  return (
    <Card
      id="exceptions"
      title="Exceptions"
      description="Days off, holidays and one-off opening hours. Special hours replace the weekly hours of their dates; closures are taken out of whatever is open."
    >
      {flash && <CardNotice tone="success">{flash}</CardNotice>}
      <QueryView
        query={exceptions}
        what="exceptions"
        loading={<ListSkeleton label="Loading exceptions" rows={2} />}
      >
        {() => (
          <div className={styles.stack} style={{ gap: 'var(--space-2)' }}>
            {upcoming.length === 0 ? (
              <EmptyState title="No upcoming exceptions">
                The weekly hours apply every week. Add a closure or special hours below.
              </EmptyState>
            ) : (
              renderList(upcoming, 'Upcoming exceptions')
            )}
            {past.length > 0 && (
              <details>
                <summary className={styles.help} style={{ cursor: 'pointer' }}>
                  Past exceptions ({past.length})
                </summary>
                <div style={{ marginTop: 'var(--space-1)' }}>
                  {renderList(past, 'Past exceptions')}
                </div>
              </details>
            )}
          </div>
        )}
      </QueryView>

      <hr className={styles.divider} />
      <ExceptionForm resourceId={resource.id} today={today} onAdded={showFlash} />

      <ConfirmDialog
        {...remove.dialog}
        title="Delete this exception?"
        confirmLabel="Delete exception"
      >
        {remove.target &&
          `${describeDates(remove.target)} (${describeTimes(remove.target)}) will follow the weekly hours again.`}
      </ConfirmDialog>
    </Card>
  );
}
