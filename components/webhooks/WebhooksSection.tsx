'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { useFlash } from '@/components/catalog/useFlash';
import styles from '@/components/settings/settings.module.css';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { useConfirm } from '@/components/ui/useConfirm';
import { DeliveriesPanel } from './DeliveriesPanel';
import { useWebhooks, webhookKeys } from './queries';
import { SecretNotice } from './SecretNotice';
import type { CreatedWebhook, WebhookRecord } from './types';
import { WebhookForm } from './WebhookForm';
import own from './webhooks.module.css';

/** §17 endpoints: add (secret shown once), edit, delete, test, and each one's deliveries. */
export function WebhooksSection({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const webhooks = useWebhooks();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [flash, showFlash] = useFlash();
  const list = webhooks.data?.data ?? [];

  const toggle = (id: string, value?: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (value ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const remove = useConfirm({
    action: (w: WebhookRecord) => apiFetch(`/api/webhooks/${w.id}`, { method: 'DELETE' }),
    onDone: (w) => {
      if (created?.id === w.id) setCreated(null);
      showFlash(`Deleted the endpoint ${w.url}.`);
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    },
  });

  const test = useMutation({
    mutationFn: (w: WebhookRecord) => apiFetch(`/api/webhooks/${w.id}/test`, { method: 'POST' }),
    onSuccess: (_data, w) => {
      toggle(w.id, true);
      showFlash(`Test event queued for ${w.url}; it shows under “Recent deliveries” once sent.`);
      setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(w.id) }),
        1200,
      );
    },
  });

  const addButton = (
    <Button
      variant="primary"
      onClick={() => {
        setCreated(null);
        setEditing('new');
      }}
    >
      Add endpoint
    </Button>
  );

  return (
    <Card
      id="webhooks"
      title="Endpoints"
      description="We POST a signed JSON event to each active endpoint when a reservation is created, changed or cancelled, and retry for about 9 hours if it fails."
      actions={editing !== 'new' && list.length > 0 ? addButton : undefined}
    >
      {flash && <CardNotice tone="success">{flash}</CardNotice>}
      {test.isError && (
        <CardNotice tone="error">
          Could not send a test event: {errorMessage(test.error)}
        </CardNotice>
      )}
      {created && (
        <SecretNotice
          secret={created.secret}
          url={created.url}
          onDismiss={() => setCreated(null)}
        />
      )}
      {editing === 'new' && (
        <div className={own.formCard}>
          <h3 className={own.formTitle}>New endpoint</h3>
          <WebhookForm
            onCreated={(w) => {
              setEditing(null);
              setCreated(w);
            }}
            onDone={() => setEditing(null)}
          />
        </div>
      )}

      <QueryView
        query={webhooks}
        what="endpoints"
        loading={<ListSkeleton rows={2} label="Loading endpoints" />}
      >
        {() =>
          list.length === 0 ? (
            editing !== 'new' && (
              <div className={styles.empty}>
                <p className={styles.emptyTitle}>No endpoints yet</p>
                <p>Add one to keep another system (a CRM, a kitchen display, Zapier…) in sync.</p>
                <div className={own.emptyAction}>{addButton}</div>
              </div>
            )
          ) : (
            <ul className={styles.list} aria-label="Webhook endpoints">
              {list.map((w) => (
                <li key={w.id} className={own.endpoint}>
                  {editing === w.id ? (
                    <WebhookForm
                      webhook={w}
                      onDone={(message) => {
                        setEditing(null);
                        if (message) showFlash(message);
                      }}
                    />
                  ) : (
                    <EndpointSummary
                      webhook={w}
                      deliveriesOpen={open.has(w.id)}
                      testing={test.isPending && test.variables?.id === w.id}
                      onToggleDeliveries={() => toggle(w.id)}
                      onTest={() => test.mutate(w)}
                      onEdit={() => setEditing(w.id)}
                      onDelete={() => remove.ask(w)}
                    />
                  )}
                  {open.has(w.id) && (
                    <div id={`panel-${w.id}`}>
                      <DeliveriesPanel webhook={w} timeZone={timeZone} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>

      <ConfirmDialog
        {...remove.dialog}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
      >
        <span className={own.url}>{remove.target?.url}</span> stops receiving events at once, and
        its pending deliveries and history are deleted. To pause it instead, edit it and untick
        “Active”.
      </ConfirmDialog>
    </Card>
  );
}

/** One endpoint: its address and events, then its actions. */
function EndpointSummary({
  webhook: w,
  deliveriesOpen,
  testing,
  onToggleDeliveries,
  onTest,
  onEdit,
  onDelete,
}: {
  webhook: WebhookRecord;
  deliveriesOpen: boolean;
  testing: boolean;
  onToggleDeliveries: () => void;
  onTest: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div className={own.endpointHead}>
      <div className={styles.rowMain}>
        <span className={styles.rowTitle}>
          <span className={own.url}>{w.url}</span>
          {!w.is_active && <span className={own.badge}>Inactive</span>}
        </span>
        <span className={own.eventList} aria-label="Events">
          {w.events.map((e) => (
            <code key={e} className={own.eventCode}>
              {e}
            </code>
          ))}
        </span>
      </div>
      <div className={own.actions}>
        <Button
          size="sm"
          variant="secondary"
          aria-expanded={deliveriesOpen}
          aria-controls={`panel-${w.id}`}
          onClick={onToggleDeliveries}
        >
          {deliveriesOpen ? 'Hide deliveries' : 'Deliveries'}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={testing}
          onClick={onTest}
          aria-label={`Send a test event to ${w.url}`}
        >
          Send test event
        </Button>
        <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${w.url}`}>
          Edit
        </Button>
        <Button size="sm" variant="dangerGhost" onClick={onDelete} aria-label={`Delete ${w.url}`}>
          Delete
        </Button>
      </div>
    </div>
  );
}
