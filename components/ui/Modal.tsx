'use client';

import { useId, type ReactNode } from 'react';
import styles from './Modal.module.css';
import { useModalDialog } from './useModalDialog';

export interface ModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** `drawer` slides in from the side (full screen on phones); `dialog` is centred. */
  variant?: 'dialog' | 'drawer';
  /** Blocks Escape/close while something is saving. */
  busy?: boolean;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
}

/**
 * A modal on the native <dialog>: focus is trapped and returned, Escape closes, the page
 * behind is inert. The title labels the dialog for screen readers.
 */
export function Modal({
  open,
  title,
  onClose,
  children,
  variant = 'dialog',
  busy = false,
  footer,
  size = 'md',
}: ModalProps) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      className={`${styles.modal} ${styles[variant]} ${styles[size]}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes.
        if (event.target === ref.current && !busy) onClose();
      }}
    >
      {open && (
        <div className={styles.panel}>
          <header className={styles.header}>
            <h2 id={titleId} className={styles.title}>
              {title}
            </h2>
            <button
              type="button"
              className={styles.close}
              onClick={onClose}
              disabled={busy}
              aria-label="Close"
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" />
              </svg>
            </button>
          </header>
          <div className={styles.body}>{children}</div>
          {footer && <footer className={styles.footer}>{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
