'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import { Card } from '@/components/ui';
import { FormSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_STATUS_LABELS } from '@/lib/notifications/kinds';
import { formatWhen, statusLine, STATUS_TONE } from './format';
import own from './notifications.module.css';
import { useOutboxMessage } from './queries';
import type { NotificationDetail } from './types';

type Tab = 'email' | 'text' | 'ics' | 'tries';

/** One message as its recipient gets it: the HTML, the plain text, the invite, and its tries. */
export function OutboxMessage({ id, timeZone }: { id: string; timeZone: string }) {
  const message = useOutboxMessage(id);
  return (
    <QueryView
      query={message}
      what="the message"
      loading={
        <Card>
          <FormSkeleton label="Loading the message" />
        </Card>
      }
    >
      {(m) => <MessageView message={m} timeZone={timeZone} />}
    </QueryView>
  );
}

function MessageView({ message: m, timeZone }: { message: NotificationDetail; timeZone: string }) {
  const [tab, setTab] = useState<Tab>('email');
  const tabs: { id: Tab; label: string }[] = [
    { id: 'email', label: 'Email' },
    { id: 'text', label: 'Plain text' },
    ...(m.ics ? [{ id: 'ics' as const, label: 'Calendar invite' }] : []),
    { id: 'tries', label: `Tries (${m.attempts.length})` },
  ];
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(at + step + tabs.length) % tabs.length]!.id;
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <Card
      className={own.messageCard}
      title={<span className={own.detailSubject}>{m.subject}</span>}
      titleAs="h2"
    >
      <dl className={own.headers}>
        <dt>From</dt>
        <dd>{m.from}</dd>
        <dt>To</dt>
        <dd>
          {m.to}
          {m.audience === 'staff' && <span className={own.note}> (staff address)</span>}
        </dd>
        {m.reply_to && (
          <>
            <dt>Reply-To</dt>
            <dd>{m.reply_to}</dd>
          </>
        )}
        <dt>Kind</dt>
        <dd>{NOTIFICATION_KIND_LABELS[m.kind]}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`${own.badge} ${own[`tone_${STATUS_TONE[m.status]}`]}`}>
            {NOTIFICATION_STATUS_LABELS[m.status]}
          </span>{' '}
          <span className={own.note}>{statusLine(m, timeZone, true)}</span>
          {m.last_error && <span className={own.errorBlock}>{m.last_error}</span>}
        </dd>
      </dl>

      <div role="tablist" aria-label="Message parts" className={own.tabs} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={own.tab}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={own.panel}>
        {tab === 'email' && <EmailFrame html={m.html} title={m.subject} />}
        {tab === 'text' && <pre className={own.source}>{m.text}</pre>}
        {tab === 'ics' && m.ics && (
          <>
            <p className={own.note}>
              <code>METHOD:{m.ics_method}</code> — attached as <code>invite.ics</code>.{' '}
              <a
                href={`data:text/calendar;charset=utf-8,${encodeURIComponent(m.ics)}`}
                download="invite.ics"
              >
                Download
              </a>
            </p>
            <pre className={own.source}>{m.ics}</pre>
          </>
        )}
        {tab === 'tries' &&
          (m.attempts.length === 0 ? (
            <p className={own.note}>
              {m.status === 'pending'
                ? `Not tried yet: due ${formatWhen(m.send_after, timeZone)}.`
                : 'Never tried.'}
            </p>
          ) : (
            <ol className={own.tries}>
              {m.attempts.map((a) => (
                <li key={`${a.attempt}-${a.at}`}>
                  <strong>Try {a.attempt}</strong> · {formatWhen(a.at, timeZone)} ·{' '}
                  {a.outcome.replace('_', ' ')}
                  {' · '}
                  {a.duration_ms} ms
                  {a.response && <span className={own.note}> · {a.response}</span>}
                  {a.error && <span className={own.errorBlock}>{a.error}</span>}
                </li>
              ))}
            </ol>
          ))}
      </div>
    </Card>
  );
}

/**
 * The email's HTML in a sandboxed frame: no scripts may run in it (none are sent), links open
 * in a new tab, and it is as tall as its content (same-origin only so the height can be read).
 */
function EmailFrame({ html, title }: { html: string; title: string }) {
  const [height, setHeight] = useState(640);
  const srcDoc = html.replace(/<head([^>]*)>/i, '<head$1><base target="_blank">');
  return (
    <iframe
      title={`The email “${title}”`}
      className={own.frame}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={srcDoc}
      style={{ height }}
      onLoad={(e) => {
        const doc = e.currentTarget.contentDocument;
        if (doc) setHeight(Math.max(320, doc.documentElement.scrollHeight + 4));
      }}
    />
  );
}
