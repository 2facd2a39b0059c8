'use client';

import { useEffect, useState } from 'react';

/**
 * Whole seconds left of `seconds`, ticking down once a second to 0; it starts again from
 * `seconds` whenever `key` changes (e.g. each new failure of a retried request).
 */
export function useCountdown(seconds: number, key: unknown): number {
  const [state, setState] = useState({ key, left: seconds });
  const current = state.key === key ? state.left : seconds;
  if (state.key !== key) setState({ key, left: seconds });
  useEffect(() => {
    if (current <= 0) return;
    const timer = window.setTimeout(() => setState({ key, left: current - 1 }), 1000);
    return () => window.clearTimeout(timer);
  }, [current, key]);
  return current;
}
