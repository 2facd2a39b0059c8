import type { Service } from './types';

/** Display helpers of the catalog lists (English, like the rest of the staff UI). */

/** How many decimals a currency's minor unit has (EUR 2, JPY 0); 2 when unknown. */
export function currencyDecimals(currency: string | null | undefined): number {
  if (!currency) return 2;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** A price in minor units, e.g. 4500 EUR → "€45.00". */
export function formatPrice(amount: number | null, currency: string | null): string {
  if (amount === null) return 'No price';
  if (!currency) return String(amount);
  const decimals = currencyDecimals(currency);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      amount / 10 ** decimals,
    );
  } catch {
    return `${amount / 10 ** decimals} ${currency}`;
  }
}

/** 90 → "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 24 && rest === 0 && hours % 24 === 0) {
    const days = hours / 24;
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

export function capacityLabel(service: Pick<Service, 'capacity'>): string {
  return service.capacity === null
    ? 'Private'
    : `Group · ${service.capacity} seat${service.capacity === 1 ? '' : 's'}`;
}

/** "First visit" → "first_visit": a key the §10 pattern accepts. */
export function suggestKey(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 63);
  return key.replace(/_+$/, '');
}
