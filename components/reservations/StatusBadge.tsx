import { STATUS_LABELS } from './status';
import type { ReservationStatus } from './types';
import styles from './ReservationDrawer.module.css';

export function StatusBadge({ status }: { status: ReservationStatus }) {
  return (
    <span className={`${styles.badge} ${styles[`badge_${status}`]}`}>
      <span className="sr-only">Status: </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
