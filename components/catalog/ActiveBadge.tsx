import styles from './catalog.module.css';

/** "Active" in green, or a grey "Inactive": whether customers can book a record now. */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <span className={`${styles.badge} ${styles.badgeSuccess}`}>Active</span>
  ) : (
    <span className={styles.badge}>Inactive</span>
  );
}
