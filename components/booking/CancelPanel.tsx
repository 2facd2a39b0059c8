'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/components/api/apiFetch';
import { Button } from '@/components/ui/Button';
import { TextArea } from '@/components/ui/TextArea';
import { ErrorNotice } from './ErrorNotice';
import { focusHeading } from './focus';
import { publicFetch } from './publicApi';
import type { ManagedReservation } from './types';
import styles from './ManageBooking.module.css';

/** "Cancel this booking?" with an optional reason; nothing happens until it is confirmed. */
export function CancelPanel({
  token,
  businessName,
  onCancelled,
  onKeep,
  onStale,
}: {
  token: string;
  businessName: string;
  onCancelled: (view: ManagedReservation) => void;
  onKeep: () => void;
  /** 409 invalid_transition: the booking changed meanwhile and should be shown afresh. */
  onStale: () => void;
}) {
  const [reason, setReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusHeading(headingRef.current), []);

  const cancel = useMutation({
    mutationFn: () =>
      publicFetch<ManagedReservation>(`/reservations/${encodeURIComponent(token)}/cancel`, {
        method: 'POST',
        body: reason.trim() ? { reason: reason.trim() } : {},
      }),
    onSuccess: onCancelled,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'invalid_transition') onStale();
    },
  });

  return (
    <div className={styles.panel} role="group" aria-labelledby="cancel-heading">
      <h3 id="cancel-heading" ref={headingRef} tabIndex={-1} className={styles.panelHeading}>
        Cancel this booking?
      </h3>
      <p className="muted">The time will be released for others. This can’t be undone online.</p>
      <TextArea
        label="Reason (optional)"
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        hint={`Shared with ${businessName}.`}
      />
      {cancel.isError && <ErrorNotice title="The booking wasn’t cancelled." error={cancel.error} />}
      <div className={styles.panelActions}>
        <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate()}>
          Yes, cancel booking
        </Button>
        <Button variant="secondary" disabled={cancel.isPending} onClick={onKeep}>
          Keep my booking
        </Button>
      </div>
    </div>
  );
}
