import { Skeleton } from '@/components/ui';
import styles from './settings.module.css';

/** The shape of a settings list while it loads. */
export function ListSkeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label}>
      <ul className={styles.list} aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className={styles.row}>
            <div className={`${styles.rowMain} ${styles.skeletonRow}`}>
              <Skeleton width="40%" height={14} />
              <Skeleton width="65%" height={12} />
            </div>
            <Skeleton width={72} height={32} />
          </li>
        ))}
      </ul>
    </div>
  );
}
