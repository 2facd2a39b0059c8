'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { emptyBookingForm, type BookingFormValues } from './formValues';
import { BookingConfirmation, BookingForm, FormSkeleton, prefetchLaterSteps } from './lazySteps';
import { ServicePicker } from './ServicePicker';
import { StepHeader } from './StepHeader';
import { formatDateIn, formatTime, useVisitor } from './time';
import { slotKey, TimeStep } from './TimeStep';
import type { BookingResult, PublicBookingPage, PublicService, PublicSlot } from './types';
import styles from './BookingFlow.module.css';

type Step = 'service' | 'time' | 'details' | 'done';

/**
 * `/book/:slug`: service → day and time → details → confirmation. Each step replaces the
 * previous one (phones first), its heading takes focus so screen readers follow along, and
 * what was typed survives going back.
 */
export function BookingFlow({ page }: { page: PublicBookingPage }) {
  const visitor = useVisitor(page.organization.timezone);
  const queryClient = useQueryClient();
  const single = page.services.length === 1 ? page.services[0]! : null;
  const [step, setStep] = useState<Step>(single ? 'time' : 'service');
  const [service, setService] = useState<PublicService | null>(single);
  const [partySize, setPartySize] = useState(single?.min_party_size ?? 1);
  const [slot, setSlot] = useState<PublicSlot | null>(null);
  const [reopenAt, setReopenAt] = useState<string | null>(null);
  const [draft, setDraft] = useState<BookingFormValues>(() => emptyBookingForm(page));
  const [taken, setTaken] = useState(false);
  const [result, setResult] = useState<BookingResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);

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
    setTaken(false);
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

  function chooseSlot(next: PublicSlot) {
    setSlot(next);
    setReopenAt(next.start_datetime);
    go('details');
  }

  function slotTaken(values: BookingFormValues) {
    setDraft(values);
    setSlot(null);
    void queryClient.invalidateQueries({ queryKey: slotKey(page.slug, service?.id) });
    setStep('time');
    setTaken(true);
  }

  function booked(next: BookingResult) {
    setResult(next);
    setStep('done');
    void queryClient.invalidateQueries({ queryKey: slotKey(page.slug) });
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
            setPartySize(size);
            setSlot(null);
          }}
          visitor={visitor}
          selectedStart={slot?.start_datetime ?? null}
          reopenAt={reopenAt}
          taken={taken}
          headingRef={headingRef}
          onBack={single ? null : () => go('service')}
          onSelect={chooseSlot}
        />
      )}

      {step === 'details' && service && slot && visitor && (
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
              partySize={partySize}
              defaultValues={draft}
              onBooked={booked}
              onSlotTaken={slotTaken}
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
