import type { z } from 'zod';
import { ApiError, type ApiErrorDetail } from '@/components/api/apiFetch';
import { BookingLinkCreateSchema } from '@/lib/booking-links/schemas';
import type { Service } from '../types';
import type { BookingLink } from './types';

/** The editor's form values, validated by the API's own BookingLinkCreateSchema. */
export type BookingLinkValues = z.input<typeof BookingLinkCreateSchema>;
export type BookingLinkOutput = z.output<typeof BookingLinkCreateSchema>;

/** Every field a server error may name (after `toFieldErrors` folds array items). */
export const FIELDS = [
  'name',
  'slug',
  'service_ids',
  'is_active',
  'page_config.title',
  'page_config.description',
  'page_config.logo_url',
  'page_config.cover_url',
  'page_config.primary_color',
  'page_config.confirmation_message',
  'page_config.custom_field_keys',
  'page_config.require_phone',
] as const;

/** The house accent: what a link without its own colour is shown in. */
export const DEFAULT_ACCENT = '#3656D6';

export function valuesOf(link?: BookingLink): BookingLinkValues {
  const config = link?.page_config;
  return {
    name: link?.name ?? '',
    slug: link?.slug ?? '',
    service_ids: link?.service_ids ?? [],
    is_active: link?.is_active ?? true,
    page_config: {
      title: config?.title ?? null,
      description: config?.description ?? null,
      logo_url: config?.logo_url ?? null,
      cover_url: config?.cover_url ?? null,
      primary_color: link ? (config?.primary_color ?? null) : DEFAULT_ACCENT,
      confirmation_message: config?.confirmation_message ?? null,
      custom_field_keys: config?.custom_field_keys ?? [],
      require_phone: config?.require_phone ?? false,
    },
  };
}

/** "Spring Offers — Café" → "spring-offers-cafe": a slug §11's pattern accepts. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * The server names array items (`service_ids.2`, `page_config.custom_field_keys.0`); the form
 * shows those on the whole picker, with the service's name instead of its id.
 */
export function toFieldErrors(error: unknown, values: BookingLinkOutput, services: Service[]) {
  if (!(error instanceof ApiError)) return error;
  const byPath = new Map<string, string[]>();
  const other: ApiErrorDetail[] = [];
  for (const detail of error.details) {
    const match = /^(service_ids|page_config\.custom_field_keys)\.(\d+)$/.exec(detail.path ?? '');
    if (!match) {
      other.push(detail);
      continue;
    }
    const [, path, index] = match;
    let message = detail.message;
    if (path === 'service_ids') {
      const id = values.service_ids[Number(index)];
      const name = services.find((s) => s.id === id)?.name;
      if (id && name) message = message.replace(id, `“${name}”`);
    }
    byPath.set(path, [...(byPath.get(path) ?? []), message]);
  }
  const folded = [...byPath].map(([path, messages]) => ({ path, message: messages.join(' ') }));
  return new ApiError(error.status, error.code, error.message, [...other, ...folded]);
}

/** A #RRGGBB colour, or the house accent when the field holds something else. */
export function accentOf(color: string | null | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_ACCENT;
}

/** WCAG relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black text on an accent-coloured button, whichever reads better. */
export function textOn(accent: string): string {
  return contrastRatio(accent, '#FFFFFF') >= contrastRatio(accent, '#15181E')
    ? '#FFFFFF'
    : '#15181E';
}
