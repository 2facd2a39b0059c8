import styles from './BookingFlow.module.css';

/** "1 Service · 2 Time · 3 Details", the current one marked for screen readers. */
export function StepHeader({
  steps,
  current,
}: {
  steps: readonly { id: string; label: string }[];
  current: string;
}) {
  const index = steps.findIndex((s) => s.id === current);
  return (
    <ol className={styles.steps} aria-label="Booking steps">
      {steps.map((step, i) => (
        <li
          key={step.id}
          className={styles.stepItem}
          data-state={i < index ? 'done' : i === index ? 'current' : 'todo'}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className={styles.stepNumber} aria-hidden="true">
            {i + 1}
          </span>
          <span className={styles.stepLabel}>{step.label}</span>
        </li>
      ))}
    </ol>
  );
}
