'use client';

import { useId, useState, type ReactNode } from 'react';
import { Alert, Button, Select } from '@/components/ui';
import { Modal } from '@/components/ui/Modal';
import { useToast } from '@/components/ui/Toast';
import { actionFailure, type ActionFailure } from './errors';
import {
  usePatchReservation,
  useReservationCustomFields,
  useServiceResourceLinks,
  type ReservationPatchBody,
} from './queries';
import { isMovable, statusActions } from './status';
import { StatusBadge } from './StatusBadge';
import { StatusHistory } from './StatusHistory';
import { formatInZone, formatTimeRange, zoneLabel } from './time';
import type { CustomField, Reservation, ReservationStatus, Resource, Service } from './types';
import styles from './ReservationDrawer.module.css';

interface ReservationDrawerProps {
  reservation: Reservation | null;
  open: boolean;
  timeZone: string;
  services: ReadonlyMap<string, Service>;
  resources: readonly Resource[];
  onClose: () => void;
  onEdit: (reservation: Reservation) => void;
}

const SOURCE_LABELS: Record<string, string> = {
  staff: 'Staff',
  api: 'API',
  booking_link: 'Booking page',
  ai_assistant: 'AI assistant',
};

const OUTCOME: Record<ReservationStatus, string> = {
  confirmed: 'Reservation confirmed.',
  cancelled: 'Reservation cancelled.',
  completed: 'Marked as completed.',
  no_show: 'Marked as no-show.',
  pending: 'Reservation reopened as pending.',
};

/** The side panel of one reservation: its details and the actions its status allows. */
export function ReservationDrawer({
  reservation,
  open,
  timeZone,
  services,
  resources,
  onClose,
  onEdit,
}: ReservationDrawerProps) {
  const toast = useToast();
  const patch = usePatchReservation();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [actionError, setActionFailure] = useState<ActionFailure | null>(null);

  function run(body: ReservationPatchBody, success: string, after?: () => void) {
    if (!reservation) return;
    setActionFailure(null);
    patch.mutate(
      { id: reservation.id, patch: body },
      {
        onSuccess: () => {
          toast(success, 'success');
          after?.();
        },
        onError: (error) => {
          // Nothing changed; an unreachable server is said calmly, and not retried (outage.ts).
          const failure = actionFailure(error);
          setActionFailure(failure);
          toast(failure.message, failure.tone);
        },
      },
    );
  }

  const r = reservation;
  return (
    <Modal
      open={open && r !== null}
      variant="drawer"
      onClose={() => {
        setActionFailure(null);
        onClose();
      }}
      busy={patch.isPending}
      title={r ? (r.contact?.name ?? 'Reservation') : 'Reservation'}
    >
      {r && (
        <div className={styles.drawer}>
          <div className={styles.summary}>
            <StatusBadge status={r.status} />
            <p className={styles.when}>
              {formatInZone(r.start_datetime, timeZone, 'EEEE d MMMM yyyy')}
              <br />
              <strong>{formatTimeRange(r.start_datetime, r.end_datetime, timeZone)}</strong>{' '}
              <span className="muted">({zoneLabel(timeZone)})</span>
            </p>
          </div>

          {actionError && <Alert tone={actionError.tone}>{actionError.message}</Alert>}

          <div className={styles.actions} role="group" aria-label="Reservation actions">
            {statusActions(r).map((action) => (
              <Button
                key={action.to}
                size="sm"
                variant={action.variant}
                loading={patch.isPending && patch.variables?.patch.status === action.to}
                disabled={patch.isPending}
                onClick={() =>
                  action.to === 'cancelled'
                    ? setCancelOpen(true)
                    : run({ status: action.to }, OUTCOME[action.to])
                }
              >
                {action.label}
              </Button>
            ))}
            {isMovable(r.status) && (
              <Button size="sm" variant="secondary" onClick={() => onEdit(r)}>
                Edit / reschedule
              </Button>
            )}
          </div>

          <dl className={styles.details}>
            <Detail label="Service">
              <span
                className={styles.swatch}
                style={{ background: services.get(r.service_id)?.color ?? 'var(--accent)' }}
                aria-hidden="true"
              />
              {r.service?.name ?? '—'}
              {r.service && <span className="muted"> · {r.service.duration_minutes} min</span>}
            </Detail>
            <Detail label="Party size">
              {r.party_size} {r.party_size === 1 ? 'guest' : 'guests'}
            </Detail>
            <Detail label="Contact">
              <span className={styles.stack}>
                <span>{r.contact?.name ?? '—'}</span>
                {r.contact?.email && <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>}
                {r.contact?.phone && <a href={`tel:${r.contact.phone}`}>{r.contact.phone}</a>}
              </span>
            </Detail>
            <Detail label="Resources">
              {r.resource_ids.length === 0
                ? r.status === 'cancelled'
                  ? 'Released (cancelled)'
                  : '—'
                : r.resource_ids
                    .map((id) => resources.find((res) => res.id === id)?.name ?? 'Unknown')
                    .join(', ')}
            </Detail>
            <CustomFieldDetails values={r.custom_fields_by_key} />
            <Detail label="Notes">
              {r.notes ? (
                <span className={styles.notes}>{r.notes}</span>
              ) : (
                <span className="muted">None</span>
              )}
            </Detail>
            <Detail label="Source">{SOURCE_LABELS[r.source] ?? r.source}</Detail>
            {r.status === 'cancelled' && (
              <Detail label="Cancelled">
                {r.cancelled_at ? formatInZone(r.cancelled_at, timeZone, 'd MMM yyyy, HH:mm') : ''}
                {r.cancelled_by ? ` by ${r.cancelled_by.replace('_', ' ')}` : ''}
                {r.cancellation_reason && (
                  <span className={styles.notes}>“{r.cancellation_reason}”</span>
                )}
              </Detail>
            )}
            <Detail label="Created">
              {formatInZone(r.created_at, timeZone, 'd MMM yyyy, HH:mm')}
            </Detail>
          </dl>

          {isMovable(r.status) && (
            <ReassignResource
              key={r.id}
              reservation={r}
              resources={resources}
              pending={patch.isPending}
              onApply={(resourceId, name) =>
                run({ preferred_resource_id: resourceId }, `Moved to ${name}.`)
              }
            />
          )}

          <StatusHistory reservationId={r.id} timeZone={timeZone} />

          <CancelReasonDialog
            open={cancelOpen}
            pending={patch.isPending}
            error={cancelOpen ? actionError : null}
            onCancel={() => {
              setCancelOpen(false);
              setActionFailure(null);
            }}
            onConfirm={(reason) =>
              run(
                { status: 'cancelled', cancellation_reason: reason || null },
                OUTCOME.cancelled,
                () => setCancelOpen(false),
              )
            }
          />
        </div>
      )}
    </Modal>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.row}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CustomFieldDetails({ values }: { values: Record<string, unknown> | null }) {
  const fields = useReservationCustomFields();
  const defs = fields.data ?? [];
  const entries = Object.entries(values ?? {}).filter(([, v]) => v !== null && v !== '');
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map(([key, value]) => {
        const def = defs.find((f) => f.key === key);
        return (
          <Detail key={key} label={def?.label ?? key}>
            {formatCustomValue(value, def)}
          </Detail>
        );
      })}
    </>
  );
}

function formatCustomValue(value: unknown, def: CustomField | undefined): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  if (def?.type === 'date' && typeof value === 'string') {
    return new Date(`${value}T12:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium' });
  }
  return String(value);
}

/** Re-allocation to another resource of the service's pool: the keyboard twin of dragging. */
function ReassignResource({
  reservation,
  resources,
  pending,
  onApply,
}: {
  reservation: Reservation;
  resources: readonly Resource[];
  pending: boolean;
  onApply: (resourceId: string, name: string) => void;
}) {
  const links = useServiceResourceLinks(reservation.service_id);
  const pool = (links.data ?? [])
    .filter((link) => !link.is_required)
    .map((link) => resources.find((r) => r.id === link.resource_id))
    .filter((r): r is Resource => Boolean(r?.is_active));
  const current = pool.find((r) => reservation.resource_ids.includes(r.id));
  // Null until the user picks: the links load after mount, so the current resource is known
  // only then (a state initialised from it would stay empty and the select would show the
  // first resource of the pool instead of the one the booking holds).
  const [picked, setPicked] = useState<string | null>(null);
  const choice = picked ?? current?.id ?? '';
  if (pool.length < 2) return null;
  const chosen = pool.find((r) => r.id === choice);
  return (
    <div className={styles.reassign}>
      <Select
        label="Assigned to"
        value={choice}
        onChange={(event) => setPicked(event.target.value)}
        options={[
          ...(current ? [] : [{ value: '', label: 'Choose…' }]),
          ...pool.map((r) => ({ value: r.id, label: r.name })),
        ]}
      />
      <Button
        size="sm"
        variant="secondary"
        disabled={!chosen || chosen.id === current?.id || pending}
        onClick={() => chosen && onApply(chosen.id, chosen.name)}
      >
        Move
      </Button>
    </div>
  );
}

function CancelReasonDialog({
  open,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  pending: boolean;
  error: ActionFailure | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <Modal
      open={open}
      size="sm"
      title="Cancel this reservation?"
      onClose={onCancel}
      busy={pending}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
            Keep it
          </Button>
          <Button variant="danger" loading={pending} onClick={() => onConfirm(reason.trim())}>
            Cancel reservation
          </Button>
        </>
      }
    >
      <div className={styles.cancelBody}>
        <p className="muted">
          The time is released for other bookings. It can be reopened later while the slot is still
          free.
        </p>
        <label htmlFor={id} className={styles.label}>
          Reason <span className="muted">(optional, kept with the reservation)</span>
        </label>
        <textarea
          id={id}
          className={styles.textarea}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && <Alert tone={error.tone}>{error.message}</Alert>}
      </div>
    </Modal>
  );
}
