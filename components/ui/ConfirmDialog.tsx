'use client';

import { useId, type ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import styles from './ConfirmDialog.module.css';
import { useModalDialog } from './useModalDialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Shown inside the dialog when the confirmed action failed. */
  error?: string | null;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: focus is trapped and restored, Escape
 * cancels. The safe choice (Cancel) gets the initial focus.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  error,
  pending = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const bodyId = useId();

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <div className={styles.inner}>
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="muted">
          {children}
        </div>
        {error && <Alert tone="error">{error}</Alert>}
        <div className={styles.actions}>
          <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
