'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorNotice } from './ErrorNotice';
import { canExtend } from './holds';
import type { HeldSlot } from './types';
import styles from './HoldBanner.module.css';

/** Seconds left until `deadline`, ticking once a second until it is reached. */
function useSecondsLeft(deadline: number, stopped: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (stopped) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, stopped]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Under this many seconds left, a visitor still typing gets more time without asking. */
const KEEP_TYPING_AT_S = 120;
/** "Still typing": an input within this long. */
const TYPING_WITHIN_MS = 180_000;
/** From this many seconds left, the banner offers more time. */
const OFFER_MORE_AT_S = 300;

/**
 * "We're holding 10:30 for you — 9:41 left", kept in view while the form is filled in. The
 * visible countdown is not a live region (it changes every second); a separate polite one
 * speaks at five minutes, at one minute, when more time is given and when the hold ends.
 * In the last five minutes it offers more time (§15: 10 minutes more, at most 30 minutes from
 * the first hold), and gives it by itself to a visitor still typing when two minutes are
 * left. Once it has ended (here, or the server said so on submit) it offers to hold the same
 * time again or choose another.
 */
export function HoldBanner({
  hold,
  time,
  onHoldAgain,
  onMoreTime,
  onOtherTime,
  onEnded,
  lastInputAt,
  boxRef,
}: {
  hold: HeldSlot;
  /** The held time, as the visitor reads it ("10:30"). */
  time: string;
  onHoldAgain: () => Promise<void>;
  /** Extends the hold on the server (the flow replaces `hold` with the longer one). */
  onMoreTime: () => Promise<void>;
  onOtherTime: () => void;
  /** The countdown reached zero (the flow marks the hold lost). */
  onEnded: () => void;
  /** When the visitor last typed in the form (ms, this device's clock). */
  lastInputAt: RefObject<number>;
  /** The banner, focused when the hold is found gone on submit or held again. */
  boxRef: RefObject<HTMLDivElement | null>;
}) {
  const [again, setAgain] = useState<{ busy: boolean; error: unknown }>({
    busy: false,
    error: null,
  });
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({
    busy: false,
    error: null,
  });
  // What the live region says after more time was given; fixed, so it is spoken once.
  const [given, setGiven] = useState('');
  const autoTried = useRef<number | null>(null);
  const left = useSecondsLeft(hold.deadline, Boolean(hold.lost));
  const ended = hold.lost || left === 0;
  const runOut = left === 0 && !hold.lost;
  useEffect(() => {
    if (runOut) onEnded();
  }, [runOut, onEnded]);
  // "Now" as the countdown last saw it, so rendering stays pure.
  const extendable = !ended && canExtend(hold, hold.deadline - left * 1000);
  const offerMore = extendable && left <= OFFER_MORE_AT_S;

  const spoken = ended
    ? `Your hold on ${time} has ended. Someone else can book it now.`
    : left <= 60
      ? `Less than a minute left to book ${time}.`
      : left <= OFFER_MORE_AT_S
        ? `Less than 5 minutes left to book ${time}.`
        : given;

  async function holdAgain() {
    setAgain({ busy: true, error: null });
    try {
      await onHoldAgain();
      setAgain({ busy: false, error: null });
      setGiven(`${time} is held for you again, for 10 minutes.`);
      boxRef.current?.focus();
    } catch (error) {
      setAgain({ busy: false, error });
    }
  }

  async function moreTime(quiet: boolean) {
    setMore({ busy: true, error: null });
    try {
      await onMoreTime();
      setMore({ busy: false, error: null });
      setGiven(`${time} is held for you longer.`);
    } catch (error) {
      // A visitor who did not ask is not told; the offer stays for them to try.
      setMore({ busy: false, error: quiet ? null : error });
    }
  }

  // Still typing with two minutes left: more time, once per countdown, without asking.
  useEffect(() => {
    if (!extendable || left > KEEP_TYPING_AT_S || more.busy) return;
    if (Date.now() - lastInputAt.current >= TYPING_WITHIN_MS) return;
    if (autoTried.current === hold.deadline) return;
    autoTried.current = hold.deadline;
    void moreTime(true);
  });

  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      className={styles.banner}
      data-state={ended ? 'ended' : left <= 60 ? 'urgent' : 'held'}
    >
      <p className="sr-only" aria-live="polite">
        {spoken}
      </p>
      {ended ? (
        <div className={styles.ended}>
          <p className={styles.title}>
            <ClockIcon />
            Your hold on {time} has ended
          </p>
          <p className={styles.text}>Someone else can book it now. What you typed is kept.</p>
          {again.error !== null && (
            <ErrorNotice title={`We couldn’t hold ${time} again.`} error={again.error} />
          )}
          <div className={styles.actions}>
            <Button variant="primary" size="sm" loading={again.busy} onClick={holdAgain}>
              Hold {time} again
            </Button>
            <Button variant="secondary" size="sm" disabled={again.busy} onClick={onOtherTime}>
              Choose another time
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.held}>
          <p className={styles.countdown} role="timer">
            <ClockIcon />
            <span className={styles.what}>
              We’re holding <strong>{time}</strong> for you
            </span>
            <span className="sr-only"> — </span>
            <span className={styles.left}>{clock(left)} left</span>
          </p>
          {offerMore && (
            <Button
              variant="secondary"
              size="sm"
              loading={more.busy}
              onClick={() => void moreTime(false)}
            >
              More time<span className="sr-only"> to book {time}</span>
            </Button>
          )}
        </div>
      )}
      {!ended && more.error !== null && (
        <ErrorNotice title={`We couldn’t keep ${time} longer.`} error={more.error} />
      )}
    </div>
  );
}

function ClockIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.icon}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M8 4.5V8l2.5 1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
