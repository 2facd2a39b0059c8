'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/components/api/apiFetch';
import { Alert } from '@/components/ui/Alert';
import { emptyBookingForm, type BookingFormValues } from './formValues';
import { BookingConfirmation, BookingForm, FormSkeleton, prefetchLaterSteps } from './lazySteps';
import { ServicePicker } from './ServicePicker';
import { StepHeader } from './StepHeader';
import { formatDateIn, formatTime, useVisitor } from './time';
import { slotKey, TimeStep } from './TimeStep';
import { refreshCached } from './useCachedQuery';
import type {
  BookingResult,
  HeldSlot,
  PublicBookingPage,
  PublicService,
  PublicSlot,
  TimeNotice,
} from './types';
import styles from './BookingFlow.module.css';

type Step = 'service' | 'time' | 'details' | 'done';

const loadHolds = () => import('./holds');

/**
 * `/book/:slug`: service → day and time → details → confirmation. Each step replaces the
 * previous one (phones first), its heading takes focus so screen readers follow along, and
 * what was typed survives going back. Choosing a time holds it (§15) before the form shows;
 * going back, choosing another time or leaving the page lets it go.
 */
export function BookingFlow({ page }: { page: PublicBookingPage }) {
  const visitor = useVisitor(page.organization.timezone);
  const queryClient = useQueryClient();
  const single = page.services.length === 1 ? page.services[0]! : null;
  const [step, setStep] = useState<Step>(single ? 'time' : 'service');
  const [service, setService] = useState<PublicService | null>(single);
  const [partySize, setPartySize] = useState(single?.min_party_size ?? 1);
  const [slot, setSlot] = useState<PublicSlot | null>(null);
  const [hold, setHold] = useState<HeldSlot | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [reopenAt, setReopenAt] = useState<string | null>(null);
  const [draft, setDraft] = useState<BookingFormValues>(() => emptyBookingForm(page));
  const [notice, setNotice] = useState<(TimeNotice & { focus: boolean }) | null>(null);
  const [result, setResult] = useState<BookingResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  const held = useRef<{ id: string | null; released: Promise<unknown>; moves: number }>({
    id: null,
    released: Promise.resolve(),
    // Counts the visitor's moves, so a hold answered after they moved on is let go.
    moves: 0,
  });

  /** Lets the held time go on the server (fire-and-forget; the next hold waits for it). */
  function release() {
    const id = held.current.id;
    held.current.id = null;
    if (!id) return;
    held.current.released = fetch(
      `/api/public/booking-links/${encodeURIComponent(page.slug)}/holds/${id}`,
      { method: 'DELETE', credentials: 'omit', keepalive: true },
    ).catch(() => null);
  }

  // Leaving the page lets the held time go too (not when it is only put in the back cache).
  useEffect(() => {
    const leave = (event: PageTransitionEvent) => {
      if (!event.persisted) release();
    };
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  });

  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    if (step === 'done') return; // the confirmation focuses its own heading
    headingRef.current?.focus({ preventScroll: true });
    const top = topRef.current?.getBoundingClientRect().top ?? 0;
    if (top < 0) topRef.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  if (!page.services.length) {
    return (
      <Alert tone="info" title="Nothing to book right now">
        {page.organization.name} has no services open for online booking at the moment.
      </Alert>
    );
  }

  function go(next: Step) {
    held.current.moves++;
    if (next !== 'details') {
      release();
      setHold(null);
    }
    setNotice(null);
    setStep(next);
  }

  function chooseService(next: PublicService) {
    if (next.id !== service?.id) {
      setSlot(null);
      setReopenAt(null);
      setPartySize(next.min_party_size);
    }
    setService(next);
    go('time');
  }

  /** Holds the time (again), then shows the form; a time gone meanwhile goes back to the times. */
  async function holdSlot(next: PublicSlot) {
    if (!service || !visitor) return;
    release();
    setPending(next.start_datetime);
    const moves = held.current.moves;
    const [holds] = await Promise.all([loadHolds(), held.current.released]);
    try {
      const taken = await holds.takeHold(page.slug, {
        service_id: service.id,
        start_datetime: next.start_datetime,
        party_size: partySize,
      });
      held.current.id = taken.id;
      if (held.current.moves !== moves) return release();
      setHold(taken);
      setSlot(next);
      setReopenAt(next.start_datetime);
      if (step !== 'details') go('details');
    } catch (error) {
      if (held.current.moves !== moves) return;
      const notice = holds.holdFailureNotice(error, formatTime(next.start_datetime, visitor));
      // Holding again from the form (its banner says why it failed); a time gone goes back.
      if (notice.tone !== 'warning' && step === 'details') throw error;
      slotGone(notice, step === 'time');
    } finally {
      setPending(null);
    }
  }

  /** The hold `id` is gone (ran out, or the server said so): the banner offers it again. */
  function holdLost(id: string) {
    setHold((h) => (h?.id === id ? { ...h, lost: true } : h));
  }

  /** Keeps the held time longer; a hold the server says is gone is marked lost. */
  async function moreTime() {
    if (!hold) return;
    const holds = await loadHolds();
    try {
      const kept = await holds.extendHold(page.slug, hold);
      setHold((h) => (h?.id === kept.id ? kept : h));
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'hold_expired' || error.status === 404))
        return holdLost(hold.id);
      throw error;
    }
  }

  /** The time cannot be had: back to fresh times, saying why (what was typed is kept). */
  function slotGone(next: TimeNotice, inPlace: boolean) {
    setSlot(null);
    if (next.tone === 'warning') {
      void refreshCached(queryClient, slotKey(page.slug, service?.id));
    }
    go('time');
    setNotice({ ...next, focus: inPlace });
  }

  function booked(next: BookingResult) {
    held.current.id = null; // the booking took it
    setHold(null);
    setResult(next);
    setStep('done');
    void refreshCached(queryClient, slotKey(page.slug));
  }

  function startOver() {
    setResult(null);
    setSlot(null);
    setReopenAt(null);
    setDraft(emptyBookingForm(page));
    if (!single) setService(null);
    go(single ? 'time' : 'service');
  }

  const steps = [
    ...(single ? [] : [{ id: 'service', label: 'Service' }]),
    { id: 'time', label: 'Time' },
    { id: 'details', label: 'Details' },
  ];

  return (
    <div
      ref={topRef}
      className={styles.flow}
      onPointerDownCapture={prefetchLaterSteps}
      onKeyDownCapture={prefetchLaterSteps}
    >
      {step !== 'done' && <StepHeader steps={steps} current={step} />}

      {step === 'service' && (
        <section className={styles.step} aria-labelledby="step-heading">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
            Choose a service
          </h2>
          <ServicePicker
            services={page.services}
            selectedId={service?.id ?? null}
            onSelect={chooseService}
          />
        </section>
      )}

      {step === 'time' && service && (
        <TimeStep
          page={page}
          service={service}
          partySize={partySize}
          onPartySize={(size) => {
            held.current.moves++;
            setPartySize(size);
            setSlot(null);
          }}
          visitor={visitor}
          selectedStart={slot?.start_datetime ?? null}
          pendingStart={pending}
          reopenAt={reopenAt}
          notice={notice}
          headingRef={headingRef}
          onBack={single ? null : () => go('service')}
          onSelect={(next) => {
            if (!pending) void holdSlot(next);
          }}
        />
      )}

      {step === 'details' && service && slot && hold && visitor && (
        <section className={styles.step} aria-labelledby="step-heading">
          <div className={styles.stepTop}>
            <h2 id="step-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
              Your details
            </h2>
          </div>
          <div className={styles.selection}>
            <div className={styles.selectionText}>
              <span className={styles.selectionService}>
                {service.name}
                {partySize > 1 ? ` · ${partySize} people` : ''}
              </span>
              <span>{formatDateIn(slot.start_datetime, visitor.timeZone, visitor.locale)}</span>
              <span>
                {formatTime(slot.start_datetime, visitor)}–{formatTime(slot.end_datetime, visitor)}
              </span>
            </div>
            <button type="button" className={styles.change} onClick={() => go('time')}>
              Change<span className="sr-only"> date and time</span>
            </button>
          </div>
          <Suspense fallback={<FormSkeleton />}>
            <BookingForm
              page={page}
              service={service}
              slot={slot}
              hold={hold}
              partySize={partySize}
              visitor={visitor}
              defaultValues={draft}
              onDraft={setDraft}
              onBooked={booked}
              onHoldLost={holdLost}
              onHoldAgain={() => holdSlot(slot)}
              onMoreTime={moreTime}
              onOtherTime={() => go('time')}
              onSlotGone={(next) => slotGone(next, false)}
            />
          </Suspense>
        </section>
      )}

      {step === 'done' && service && result && visitor && (
        <Suspense fallback={<FormSkeleton />}>
          <BookingConfirmation
            page={page}
            service={service}
            result={result}
            visitor={visitor}
            onBookAnother={startOver}
          />
        </Suspense>
      )}
    </div>
  );
}
