'use client';

import { isOutageError } from '@/components/api/outage';
import { Alert, Skeleton } from '@/components/ui';
import { LoadingOrOutage } from '@/components/ui/QueryView';
import { bookingErrorMessage } from './errors';
import { useAvailableSlots } from './queries';
import { formatInZone } from './time';
import styles from './ReservationFormDialog.module.css';

interface SlotPickerProps {
  serviceId: string;
  date: string;
  partySize: number;
  preferredResourceId: string;
  timeZone: string;
  value: string;
  /** The booking's own time when editing: it may not be listed (it holds its own slot). */
  currentStart?: string;
  groupService: boolean;
  onChange: (start: string) => void;
  error?: string;
  inputRef?: (el: HTMLInputElement | null) => void;
}

/** The live free starts (§8) for a service and day, as a group of radio chips. */
export function SlotPicker({
  serviceId,
  date,
  partySize,
  preferredResourceId,
  timeZone,
  value,
  currentStart,
  groupService,
  onChange,
  error,
  inputRef,
}: SlotPickerProps) {
  const slots = useAvailableSlots({
    serviceId,
    date,
    partySize: Number.isInteger(partySize) && partySize > 0 ? partySize : undefined,
    preferredResourceId: preferredResourceId || undefined,
  });
  const same = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

  let body;
  if (!serviceId) body = <p className="muted">Choose a service to see free times.</p>;
  else if (slots.isPending || (slots.isError && isOutageError(slots.error)))
    body = (
      <LoadingOrOutage queries={[slots]}>
        <div className={styles.slotGrid} aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} height={36} />
          ))}
        </div>
      </LoadingOrOutage>
    );
  else if (slots.isError)
    body = (
      <Alert tone="error">Could not load free times: {bookingErrorMessage(slots.error)}</Alert>
    );
  else {
    const list = slots.data.slots.map((s) => ({
      start: s.start_datetime,
      left: s.remaining_capacity,
    }));
    if (currentStart && dateMatches(currentStart) && !list.some((s) => same(s.start, currentStart)))
      list.push({ start: currentStart, left: 0 });
    list.sort((a, b) => a.start.localeCompare(b.start));
    const unlisted = value !== '' && !list.some((s) => same(s.start, value));
    body =
      list.length === 0 ? (
        <p className="muted">No free time on this day. Try another date.</p>
      ) : (
        <>
          {unlisted && (
            <p className="muted">
              {formatInZone(value, timeZone, 'HH:mm')} is not free for this service. Pick one of
              these times.
            </p>
          )}
          <div className={styles.slotGrid}>
            {list.map((slot, index) => {
              const checked = value !== '' && same(value, slot.start);
              const isCurrent = currentStart !== undefined && same(slot.start, currentStart);
              return (
                <label key={slot.start} className={styles.slot} data-checked={checked || undefined}>
                  <input
                    type="radio"
                    name="slot"
                    value={slot.start}
                    checked={checked}
                    ref={index === 0 ? inputRef : undefined}
                    onChange={() => onChange(slot.start)}
                    className="sr-only"
                  />
                  <span className={styles.slotTime}>
                    {formatInZone(slot.start, timeZone, 'HH:mm')}
                  </span>
                  {isCurrent ? (
                    <span className={styles.slotMeta}>current</span>
                  ) : groupService ? (
                    <span className={styles.slotMeta}>{slot.left} left</span>
                  ) : null}
                </label>
              );
            })}
          </div>
        </>
      );
  }

  function dateMatches(instant: string) {
    return formatInZone(instant, timeZone, 'yyyy-MM-dd') === date;
  }

  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? 'slot-error' : undefined}>
      <legend className={styles.label}>
        Time <span className="muted">({timeZone.replaceAll('_', ' ')})</span>
      </legend>
      <div role="radiogroup" aria-label="Free times" aria-busy={slots.isFetching || undefined}>
        {body}
      </div>
      {error && (
        <p id="slot-error" className={styles.error} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
