'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, Card, Select } from '@/components/ui';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUS_LABELS,
  NOTIFICATION_STATUSES,
} from '@/lib/notifications/kinds';
import { statusLine, STATUS_TONE } from './format';
import own from './notifications.module.css';
import { OUTBOX_PAGE, useOutbox, type OutboxFilters } from './queries';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...NOTIFICATION_STATUSES.map((s) => ({ value: s, label: NOTIFICATION_STATUS_LABELS[s] })),
];
const KIND_OPTIONS = [
  { value: '', label: 'Any kind' },
  ...NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] })),
];

/** The Outbox (§19): every message, newest first, filtered by status and kind, each openable. */
export function OutboxList({ timeZone }: { timeZone: string }) {
  const [filters, setFilters] = useState<OutboxFilters>({ status: '', kind: '' });
  const [skip, setSkip] = useState(0);
  const outbox = useOutbox(filters, skip);
  const filter = (change: Partial<OutboxFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setSkip(0);
  };

  return (
    <Card
      title="Messages"
      actions={
        <div className={own.filters}>
          <Select
            label="Status"
            options={STATUS_OPTIONS}
            value={filters.status}
            onChange={(e) => filter({ status: e.target.value })}
          />
          <Select
            label="Kind"
            options={KIND_OPTIONS}
            value={filters.kind}
            onChange={(e) => filter({ kind: e.target.value })}
          />
        </div>
      }
    >
      <QueryView
        query={outbox}
        what="the messages"
        loading={<ListSkeleton rows={4} label="Loading messages" />}
      >
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState
              title={filters.status || filters.kind ? 'No messages match' : 'No messages yet'}
            >
              {filters.status || filters.kind
                ? 'Try another status or kind.'
                : 'Messages appear here as bookings are made, changed and cancelled.'}
            </EmptyState>
          ) : (
            <>
              <ul className={own.messages} aria-label="Messages">
                {page.data.map((m) => (
                  <li key={m.id}>
                    <Link href={`/settings/outbox/${m.id}`} className={own.message}>
                      <span className={`${own.badge} ${own[`tone_${STATUS_TONE[m.status]}`]}`}>
                        {NOTIFICATION_STATUS_LABELS[m.status]}
                      </span>
                      <span className={own.messageMain}>
                        <span className={own.subject}>{m.subject}</span>
                        <span className={own.meta}>
                          To {m.to} · {NOTIFICATION_KIND_LABELS[m.kind]} · {statusLine(m, timeZone)}
                        </span>
                        {m.last_error && (m.status === 'failed' || m.status === 'retrying') && (
                          <span className={own.error}>{m.last_error}</span>
                        )}
                      </span>
                      <span className={own.chevron} aria-hidden="true">
                        ›
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              {page.total > OUTBOX_PAGE && (
                <div className={own.pager}>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={skip === 0}
                    onClick={() => setSkip(Math.max(0, skip - OUTBOX_PAGE))}
                  >
                    Newer
                  </Button>
                  <span className={own.meta} aria-live="polite">
                    {skip + 1}–{Math.min(skip + OUTBOX_PAGE, page.total)} of {page.total}
                  </span>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={skip + OUTBOX_PAGE >= page.total}
                    onClick={() => setSkip(skip + OUTBOX_PAGE)}
                  >
                    Older
                  </Button>
                </div>
              )}
            </>
          )
        }
      </QueryView>
    </Card>
  );
}
