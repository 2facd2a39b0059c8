import { Skeleton } from './Skeleton';
import list from './List.module.css';

/** The shape of a record list while it loads. */
export function ListSkeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label}>
      <ul className={list.list} aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className={`${list.row} ${list.rowWraps}`}>
            <div className={`${list.rowMain} ${list.skeletonRow}`}>
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

/** A form-shaped placeholder for an editor that is loading its record. */
export function FormSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className={list.skeletonRow}>
      <Skeleton width="30%" height={24} />
      <Skeleton height={40} />
      <Skeleton height={40} />
      <Skeleton width="60%" height={40} />
    </div>
  );
}
