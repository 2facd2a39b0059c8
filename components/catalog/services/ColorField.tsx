'use client';

import { useId } from 'react';
import { Button, TextField } from '@/components/ui';
import styles from '../catalog.module.css';

const PRESETS = [
  '#3656D6',
  '#0E9F6E',
  '#D97706',
  '#DC2626',
  '#DB2777',
  '#7C3AED',
  '#0891B2',
  '#4B5260',
];

/** A service colour (#RRGGBB or none): presets, the native picker, or typed hex. */
export function ColorField({
  value,
  onChange,
  error,
  name,
}: {
  value: string | null | undefined;
  onChange: (color: string | null) => void;
  error?: string;
  name: string;
}) {
  const pickerId = useId();
  const current = value ?? null;
  return (
    <div className={styles.fieldset} style={{ gap: 'var(--space-1)' }}>
      <div className={styles.swatches} role="group" aria-label="Preset colours">
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={styles.swatch}
            style={{ background: preset }}
            aria-pressed={current?.toUpperCase() === preset}
            aria-label={`Use colour ${preset}`}
            onClick={() => onChange(preset)}
          />
        ))}
      </div>
      <div className={styles.colorRow}>
        <label htmlFor={pickerId} className="sr-only">
          Pick a colour
        </label>
        <input
          id={pickerId}
          type="color"
          className={styles.colorInput}
          value={current && /^#[0-9a-f]{6}$/i.test(current) ? current.toLowerCase() : '#9aa1ad'}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
        />
        <TextField
          label="Colour (hex)"
          name={name}
          placeholder="#3656D6"
          autoComplete="off"
          spellCheck={false}
          value={current ?? ''}
          error={error}
          onChange={(event) =>
            onChange(event.target.value.trim() === '' ? null : event.target.value)
          }
        />
        <Button variant="ghost" onClick={() => onChange(null)} disabled={current === null}>
          No colour
        </Button>
      </div>
    </div>
  );
}
