'use client';

import { TextField } from '@/components/ui';
import { ImageUpload } from '@/components/ui/ImageUpload';
import styles from '../catalog.module.css';

/**
 * A service's `image_url`: upload an image (§12), or type the address of one. Both edit the
 * same form value, so the address shows what an upload stored and can be replaced by hand.
 */
export function ServiceImageField({
  name,
  value,
  onChange,
  onBlur,
  error,
}: {
  name: string;
  value: string | null | undefined;
  onChange: (url: string | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  return (
    <div className={styles.fieldset} style={{ gap: 'var(--space-1-5)' }}>
      <ImageUpload
        label="Image"
        type="reservation-service-image"
        value={value}
        onChange={onChange}
        hint="Shown with the service on the booking page. Optional."
      />
      <TextField
        label="Or image address"
        name={name}
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://…"
        hint="An https address or a path on this site."
        value={value ?? ''}
        error={error}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        onBlur={(event) => {
          const trimmed = event.target.value.trim();
          if (trimmed !== event.target.value) onChange(trimmed === '' ? null : trimmed);
          onBlur();
        }}
      />
    </div>
  );
}
