'use client';

import { useEffect, useState } from 'react';
import { TextField } from '@/components/ui';
import { currencyDecimals } from '../format';

function toText(amount: number | null | undefined, decimals: number): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  return (amount / 10 ** decimals).toFixed(decimals);
}

/** "45.50" in the currency's major unit → minor units (4550); NaN for text that is not a price. */
function toMinor(text: string, decimals: number): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d+(\.\d*)?$/.test(trimmed)) return Number.NaN;
  return Math.round(Number(trimmed) * 10 ** decimals);
}

/**
 * The price in major units (what people type), stored as the API's minor units
 * (price_amount, §3); the number of decimals follows the currency (EUR 2, JPY 0).
 */
export function PriceField({
  value,
  onChange,
  onBlur,
  currency,
  error,
  name,
}: {
  value: number | null | undefined;
  onChange: (minor: number | null) => void;
  onBlur: () => void;
  currency: string | null | undefined;
  error?: string;
  name: string;
}) {
  const decimals = currencyDecimals(currency);
  const [text, setText] = useState(() => toText(value, decimals));

  // A new currency changes what the typed number means in minor units.
  useEffect(() => {
    const next = toMinor(text, decimals);
    if (next !== value && !(Number.isNaN(next) && Number.isNaN(value))) onChange(next);
    // Only the currency's decimals should trigger this, not every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decimals]);

  return (
    <TextField
      label={currency ? `Price (${currency})` : 'Price'}
      name={name}
      inputMode="decimal"
      autoComplete="off"
      placeholder="Free / not shown"
      hint="Leave empty for no price."
      value={text}
      error={error}
      onChange={(event) => {
        setText(event.target.value);
        onChange(toMinor(event.target.value, decimals));
      }}
      onBlur={() => {
        const minor = toMinor(text, decimals);
        if (minor !== null && !Number.isNaN(minor)) setText(toText(minor, decimals));
        onBlur();
      }}
    />
  );
}
