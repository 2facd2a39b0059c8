'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import { ApiError } from '@/components/api/apiFetch';
import { isOutageError, sendIdempotentWrite, type Outage } from '@/components/api/outage';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { OutageNotice } from '@/components/ui/OutageNotice';
import { TextArea } from '@/components/ui/TextArea';
import { TextField } from '@/components/ui/TextField';
import { bookingFormSchema, type BookingFormOutput } from './bookingFormSchema';
import type { BookingFormValues } from './formValues';
import { CustomFieldControl } from './CustomFieldControl';
import { ErrorNotice, useRetryWait } from './ErrorNotice';
import { HoldBanner } from './HoldBanner';
import { holdFailureNotice } from './holds';
import { newIdempotencyKey, publicFetch } from './publicApi';
import { isSlotUnavailable } from './reasons';
import { formatTime, type Visitor } from './time';
import type {
  BookingResult,
  HeldSlot,
  PublicBookingPage,
  PublicService,
  PublicSlot,
  TimeNotice,
} from './types';
import styles from './BookingForm.module.css';

export interface BookingFormProps {
  page: PublicBookingPage;
  service: PublicService;
  slot: PublicSlot;
  /** The slot, held for this visitor; booked with its id. */
  hold: HeldSlot;
  partySize: number;
  visitor: Visitor;
  defaultValues: BookingFormValues;
  /** What was typed, kept by the flow when the form goes away (going back, time gone). */
  onDraft: (values: BookingFormValues) => void;
  onBooked: (result: BookingResult) => void;
  /** The hold ran out (the countdown, or 409 hold_expired): the banner offers it again. */
  onHoldLost: (holdId: string) => void;
  onHoldAgain: () => Promise<void>;
  /** Keeps the hold longer (§15); rejects when it cannot. */
  onMoreTime: () => Promise<void>;
  onOtherTime: () => void;
  /** 409 slot_unavailable: the flow goes back to the times, saying why. */
  onSlotGone: (notice: TimeNotice) => void;
}

/** Times a booking is sent again by itself while the server cannot be reached (≈ 15 s). */
const SUBMIT_RETRIES = 3;

/**
 * Contact details, the link's questions and a note, checked in the browser with the same
 * rules as the API, then booked with the hold (§15). Each distinct submission gets its own
 * Idempotency-Key; a repeat of the same one (a double click, a retry after a network error)
 * reuses it, so the server answers it with the first booking instead of making a second.
 * That is also why, alone among the pages' writes, it is sent again by itself while the
 * server cannot be reached, a few times, before saying the booking was not made.
 */
export function BookingForm({
  page,
  service,
  slot,
  hold,
  partySize,
  visitor,
  defaultValues,
  onDraft,
  onBooked,
  onHoldLost,
  onHoldAgain,
  onMoreTime,
  onOtherTime,
  onSlotGone,
}: BookingFormProps) {
  const schema = useMemo(() => bookingFormSchema(page), [page]);
  const form = useForm<BookingFormValues, unknown, BookingFormOutput>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setError, getValues } = form;
  const errors = formState.errors;
  const [failure, setFailure] = useState<{ error: unknown; message?: string } | null>(null);
  const [retrying, setRetrying] = useState<Outage | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  // When the visitor last typed: the banner keeps the time longer for someone still at it.
  const lastInputAt = useRef(0);
  const time = formatTime(hold.start_datetime, visitor);
  const request = service.requires_confirmation;

  // Going back (or the time going) unmounts the form: the flow keeps what was typed.
  useEffect(() => () => onDraft(getValues()), [onDraft, getValues]);
  const fieldPaths = useMemo(
    () =>
      new Set<string>([
        'contact.name',
        'contact.email',
        'contact.phone',
        'notes',
        ...page.custom_fields.map((f) => `custom_fields_by_key.${f.key}`),
      ]),
    [page],
  );

  async function send(values: BookingFormOutput) {
    if (hold.lost) {
      // Nothing to book with: the banner at the top offers to hold the time again.
      bannerRef.current?.focus();
      return;
    }
    const custom = Object.fromEntries(
      Object.entries(values.custom_fields_by_key).filter(([, v]) => v !== undefined),
    );
    const body = {
      hold_id: hold.id,
      service_id: service.id,
      start_datetime: slot.start_datetime,
      party_size: partySize,
      contact: values.contact,
      ...(values.notes ? { notes: values.notes } : {}),
      ...(Object.keys(custom).length ? { custom_fields_by_key: custom } : {}),
    };
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) {
      attempt.current = { body: serialized, key: newIdempotencyKey() };
    }
    setFailure(null);
    const idempotencyKey = attempt.current.key;
    try {
      const result = await sendIdempotentWrite(
        () =>
          publicFetch<BookingResult>(
            `/booking-links/${encodeURIComponent(page.slug)}/reservations`,
            { method: 'POST', body, idempotencyKey },
          ),
        { retries: SUBMIT_RETRIES, onWait: setRetrying, stopped: () => !mounted.current },
      );
      onBooked(result);
    } catch (error) {
      if (!mounted.current) return;
      if (isOutageError(error)) {
        // A 503 is the server saying nothing was written; without any answer we cannot know,
        // but sending it again (same key) can never book twice.
        setFailure({
          error,
          message:
            error instanceof ApiError && error.status === 0
              ? 'We couldn’t confirm your booking. What you typed is kept — please try again in a moment; you won’t be booked twice.'
              : 'Your booking was not made. What you typed is kept — please try again in a moment.',
        });
        return;
      }
      if (error instanceof ApiError && error.code === 'hold_expired') {
        onHoldLost(hold.id);
        bannerRef.current?.focus();
        return;
      }
      if (isSlotUnavailable(error)) {
        const notice = holdFailureNotice(error, time);
        onSlotGone({ ...notice, text: `${notice.text} What you typed is kept.` });
        return;
      }
      if (error instanceof ApiError && error.status === 400) {
        const rest: string[] = [];
        let first = true;
        for (const detail of error.details) {
          if (detail.path && fieldPaths.has(detail.path)) {
            setError(
              detail.path as Path<BookingFormValues>,
              { type: 'server', message: detail.message },
              { shouldFocus: first },
            );
            first = false;
          } else {
            rest.push(detail.message);
          }
        }
        if (rest.length || first) {
          setFailure({ error, message: rest.length ? rest.join(' ') : error.message });
        }
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setFailure({
          error,
          message: `${service.name} can no longer be booked online. Please contact ${page.organization.name}.`,
        });
        return;
      }
      setFailure({ error });
    } finally {
      setRetrying(null);
    }
  }

  const submitting = formState.isSubmitting;
  const wait = useRetryWait(failure?.error);
  const errorCount = Object.keys(errors).length;

  return (
    <FormProvider {...form}>
      <form
        className={styles.form}
        onSubmit={(event) => void handleSubmit(send)(event)}
        onInput={() => {
          lastInputAt.current = Date.now();
        }}
        noValidate
      >
        <HoldBanner
          hold={hold}
          time={time}
          boxRef={bannerRef}
          lastInputAt={lastInputAt}
          onEnded={() => onHoldLost(hold.id)}
          onHoldAgain={onHoldAgain}
          onMoreTime={onMoreTime}
          onOtherTime={onOtherTime}
        />
        {formState.submitCount > 0 && errorCount > 0 && !submitting && (
          <Alert tone="error">Please check the highlighted fields.</Alert>
        )}
        <fieldset className={styles.section}>
          <legend className={styles.sectionTitle}>Your contact details</legend>
          <TextField
            label="Full name"
            autoComplete="name"
            error={errors.contact?.name?.message}
            {...register('contact.name')}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            inputMode="email"
            hint="We’ll send your booking details here."
            error={errors.contact?.email?.message}
            {...register('contact.email')}
          />
          <TextField
            label={page.page_config.require_phone ? 'Phone' : 'Phone (optional)'}
            type="tel"
            autoComplete="tel"
            error={errors.contact?.phone?.message}
            {...register('contact.phone')}
          />
        </fieldset>
        {page.custom_fields.length > 0 && (
          <fieldset className={styles.section}>
            <legend className={styles.sectionTitle}>A few questions</legend>
            {page.custom_fields.map((field) => (
              <CustomFieldControl key={field.key} field={field} />
            ))}
          </fieldset>
        )}
        <TextArea
          label="Anything we should know? (optional)"
          rows={3}
          error={errors.notes?.message}
          {...register('notes')}
        />
        {retrying && submitting && (
          <OutageNotice outage={retrying}>Your booking isn’t made yet.</OutageNotice>
        )}
        {failure && (
          <ErrorNotice
            title="Your booking didn’t go through."
            error={failure.error}
            message={failure.message}
          />
        )}
        <div className={styles.actions}>
          <Button type="submit" variant="primary" block loading={submitting} disabled={wait > 0}>
            {request
              ? submitting
                ? 'Sending request…'
                : 'Request booking'
              : submitting
                ? 'Booking…'
                : 'Confirm booking'}
          </Button>
          <p className={styles.smallPrint}>
            {request
              ? `${page.organization.name} confirms each booking: you’ll get an email when they do, and a link to change or cancel it.`
              : 'You’ll get a link to change or cancel your booking.'}
          </p>
        </div>
      </form>
    </FormProvider>
  );
}
