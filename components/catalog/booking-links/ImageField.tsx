'use client';

import { useController, type Control } from 'react-hook-form';
import { ImageUpload } from '@/components/ui/ImageUpload';
import type { BookingLinkValues } from './bookingLinkValues';

/** A page image (logo or cover): uploaded through §12, its public URL kept in page_config. */
export function ImageField({
  control,
  name,
  label,
  type,
  hint,
}: {
  control: Control<BookingLinkValues>;
  name: 'page_config.logo_url' | 'page_config.cover_url';
  label: string;
  type: 'booking-link-logo' | 'booking-link-cover';
  hint: string;
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <ImageUpload
      label={label}
      type={type}
      value={field.value}
      onChange={field.onChange}
      hint={hint}
      error={fieldState.error?.message}
    />
  );
}
