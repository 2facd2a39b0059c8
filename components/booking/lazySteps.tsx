'use client';

import { lazy } from 'react';
import styles from './BookingFlow.module.css';

// Only the first step is needed for the first paint (the page's JS budget is 150 KB gzip and
// the framework takes ~141): the calendar, the form (react-hook-form, zod) and the
// confirmation load in their own chunks, the calendar at once when it is the first step,
// the rest as soon as the visitor starts choosing.
export const loadCalendar = () => import('./SlotCalendar');
const loadForm = () => import('./BookingForm');
const loadConfirmation = () => import('./BookingConfirmation');

export const SlotCalendar = lazy(() => loadCalendar().then((m) => ({ default: m.SlotCalendar })));
export const BookingForm = lazy(() => loadForm().then((m) => ({ default: m.BookingForm })));
export const BookingConfirmation = lazy(() =>
  loadConfirmation().then((m) => ({ default: m.BookingConfirmation })),
);

let prefetched = false;
export function prefetchLaterSteps() {
  if (prefetched) return;
  prefetched = true;
  void Promise.all([loadCalendar(), loadForm(), loadConfirmation()]).catch(() => {
    prefetched = false;
  });
}

export function FormSkeleton() {
  return (
    <div className={styles.formSkeleton} aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      {[0, 1, 2].map((i) => (
        <span key={i} className={styles.skeletonField} />
      ))}
    </div>
  );
}
