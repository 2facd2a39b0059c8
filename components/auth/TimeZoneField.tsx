'use client';

import { useSyncExternalStore, type InputHTMLAttributes, type Ref } from 'react';
import { TextField } from '@/components/ui';

function timeZoneNames(): string[] {
  try {
    const names = Intl.supportedValuesOf('timeZone');
    return names.includes('UTC') ? names : [...names, 'UTC'];
  } catch {
    return ['UTC'];
  }
}

let cachedZones: string[] | null = null;
const browserZones = () => (cachedZones ??= timeZoneNames());
const NO_ZONES: string[] = [];
const noZones = () => NO_ZONES;
const subscribeToNothing = () => () => {};

/** A text input with a datalist of every IANA time zone the browser knows: type to search. */
export function TimeZoneField({
  label = 'Time zone',
  error,
  hint,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'list' | 'id'> & {
  label?: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  // Empty on the server and during hydration: the server's and the browser's zone lists
  // can differ (ICU versions), and the suggestions only matter once someone types.
  const zones = useSyncExternalStore(subscribeToNothing, browserZones, noZones);
  const listId = 'time-zone-options';
  return (
    <>
      <TextField
        label={label}
        error={error}
        hint={hint}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Paris"
        {...rest}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
