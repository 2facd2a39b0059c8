/** Prices arrive in minor units (cents); the currency says how many digits those are. */
export function formatPrice(amount: number | null, currency: string | null): string | null {
  if (amount === null || !currency) return null;
  if (amount === 0) return 'Free';
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    const value = amount / 10 ** digits;
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(value) ? 0 : digits,
    }).format(value);
  } catch {
    return null;
  }
}
