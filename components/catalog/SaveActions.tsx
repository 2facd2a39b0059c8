import { Button } from '@/components/ui';
import styles from './catalog.module.css';

/**
 * A record form's buttons. Editing: "Unsaved changes" while dirty, Discard changes, Save …;
 * creating: Create … alone.
 */
export function SaveActions({
  noun,
  editing,
  isDirty,
  isSubmitting,
  onDiscard,
}: {
  /** `service`: "Save service" / "Create service". */
  noun: string;
  editing: boolean;
  isDirty: boolean;
  isSubmitting: boolean;
  onDiscard: () => void;
}) {
  return (
    <div className={styles.formActions}>
      {editing && isDirty && <span className="muted">Unsaved changes</span>}
      {editing && (
        <Button variant="secondary" disabled={!isDirty || isSubmitting} onClick={onDiscard}>
          Discard changes
        </Button>
      )}
      <Button type="submit" variant="primary" loading={isSubmitting}>
        {editing ? `Save ${noun}` : `Create ${noun}`}
      </Button>
    </div>
  );
}
