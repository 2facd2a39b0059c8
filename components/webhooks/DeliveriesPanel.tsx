'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { formatDateTime } from '@/components/settings/formatDate';
import { Alert, Button } from '@/components/ui';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { LoadError } from '@/components/ui/LoadError';
import { DELIVERIES_PAGE, useDeliveryAttempts, webhookKeys } from './queries';
import type { DeliveryAttempt, WebhookRecord } from './types';
import own from './webhooks.module.css';
import { LoadingOrOutage } from '@/components/ui/QueryView';

/**
 * An endpoint's recent tries, newest first: outcome, response code, duration, when. A
 * delivery that has given up can be sent again from its latest try.
 */
export function DeliveriesPanel({
  webhook,
  timeZone,
}: {
  webhook: WebhookRecord;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [skip, setSkip] = useState(0);
  const attempts = useDeliveryAttempts(webhook.id, skip);
  const resend = useMutation({
    mutationFn: (a: DeliveryAttempt) =>
      apiFetch(`/api/webhooks/${webhook.id}/deliveries/${a.delivery_id}/resend`, {
        method: 'POST',
      }),
    onSuccess: () => {
      // The dispatcher sends it within a second or so; the list refreshes on its own too.
      setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhook.id) }),
        1200,
      );
    },
  });

  const headingId = `deliveries-${webhook.id}`;
  const page = attempts.data;
  // The newest try of each delivery is the one that offers "Resend".
  const seen = new Set<string>();
  const latest = new Set(
    (page?.data ?? []).flatMap((a) => {
      if (seen.has(a.delivery_id)) return [];
      seen.add(a.delivery_id);
      return [a.id];
    }),
  );

  return (
    <section className={own.deliveries} aria-labelledby={headingId}>
      <h3 id={headingId} className={own.deliveriesTitle}>
        Recent deliveries
      </h3>
      {resend.isError && <Alert tone="error">Could not resend: {errorMessage(resend.error)}</Alert>}
      {resend.isSuccess && <Alert tone="success">Queued to send again.</Alert>}
      {attempts.isPending ? (
        <LoadingOrOutage queries={[attempts]}>
          <ListSkeleton rows={2} label="Loading deliveries" />
        </LoadingOrOutage>
      ) : attempts.isError ? (
        <LoadError
          what="deliveries"
          error={attempts.error}
          onRetry={() => void attempts.refetch()}
        />
      ) : page!.data.length === 0 ? (
        <p className={own.empty}>
          Nothing sent yet. Events appear here as reservations change; use “Send test event” to try
          the endpoint now.
        </p>
      ) : (
        <>
          <ul className={own.attempts} aria-label={`Deliveries to ${webhook.url}`}>
            {page!.data.map((a) => (
              <li key={a.id} className={own.attempt}>
                <span
                  className={`${own.badge} ${a.status === 'succeeded' ? own.badgeSuccess : own.badgeDanger}`}
                >
                  {a.status === 'succeeded' ? 'Delivered' : 'Failed'}
                </span>
                <span className={own.attemptMain}>
                  <code className={own.eventCode}>{a.event_type}</code>
                  <span className={own.attemptMeta}>
                    {formatDateTime(a.attempted_at, timeZone)} · try {a.attempt_number} ·{' '}
                    {a.response_status !== null ? `HTTP ${a.response_status}` : 'no response'} ·{' '}
                    {a.duration_ms} ms
                  </span>
                  {a.error && <span className={own.attemptError}>{a.error}</span>}
                  {latest.has(a.id) && a.delivery_status === 'retrying' && a.next_attempt_at && (
                    <span className={own.attemptMeta}>
                      Next try {formatDateTime(a.next_attempt_at, timeZone)}
                    </span>
                  )}
                  {latest.has(a.id) && a.delivery_status === 'failed' && a.status === 'failed' && (
                    <span className={own.attemptMeta}>Gave up after this try.</span>
                  )}
                </span>
                {latest.has(a.id) && a.delivery_status === 'failed' && (
                  <Button
                    size="sm"
                    variant="secondary"
                    className={own.attemptAction}
                    loading={resend.isPending && resend.variables?.id === a.id}
                    onClick={() => resend.mutate(a)}
                    aria-label={`Resend the ${a.event_type} event`}
                  >
                    Resend
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {page!.total > DELIVERIES_PAGE && (
            <div className={own.pager}>
              <Button
                size="sm"
                variant="ghost"
                disabled={skip === 0}
                onClick={() => setSkip(Math.max(0, skip - DELIVERIES_PAGE))}
              >
                Newer
              </Button>
              <span className={own.attemptMeta} aria-live="polite">
                {skip + 1}–{Math.min(skip + DELIVERIES_PAGE, page!.total)} of {page!.total}
              </span>
              <Button
                size="sm"
                variant="ghost"
                disabled={skip + DELIVERIES_PAGE >= page!.total}
                onClick={() => setSkip(skip + DELIVERIES_PAGE)}
              >
                Older
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
