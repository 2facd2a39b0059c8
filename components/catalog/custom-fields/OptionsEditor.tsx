'use client';

import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui';
import field from '@/components/ui/Field.module.css';
import styles from './customFields.module.css';

/** The choices of a select/multiselect field: edit, add (Enter adds the next), remove, reorder. */
export function OptionsEditor({
  value,
  onChange,
  error,
  itemErrors,
}: {
  value: string[];
  onChange: (options: string[]) => void;
  error?: string;
  itemErrors?: (string | undefined)[];
}) {
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);

  // After adding an option, put the cursor in it.
  useEffect(() => {
    if (focusIndex.current === null) return;
    const inputs = list.current?.querySelectorAll('input');
    inputs?.[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [value.length]);

  function update(index: number, text: string) {
    onChange(value.map((v, i) => (i === index ? text : v)));
  }
  function add(at = value.length) {
    focusIndex.current = at;
    onChange([...value.slice(0, at), '', ...value.slice(at)]);
  }
  function move(index: number, by: -1 | 1) {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item ?? '');
    onChange(next);
  }

  return (
    <div className={field.field} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className={field.label}>
        Options
      </span>
      {value.length === 0 && <p className={field.hint}>No options yet: add the first choice.</p>}
      <ol ref={list} className={styles.options}>
        {value.map((option, index) => {
          const itemError = itemErrors?.[index];
          return (
            <li key={index} className={styles.option}>
              <div className={styles.optionRow}>
                <input
                  className={field.control}
                  value={option}
                  aria-label={`Option ${index + 1}`}
                  aria-invalid={itemError ? true : undefined}
                  aria-describedby={itemError ? `${id}-err-${index}` : undefined}
                  maxLength={200}
                  onChange={(e) => update(index, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      add(index + 1);
                    }
                  }}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move option ${index + 1} up`}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move option ${index + 1} down`}
                >
                  ↓
                </Button>
                <Button
                  size="sm"
                  variant="dangerGhost"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  aria-label={`Remove option ${index + 1}`}
                >
                  Remove
                </Button>
              </div>
              {itemError && (
                <p id={`${id}-err-${index}`} className={field.error}>
                  {itemError}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="sm" variant="secondary" onClick={() => add()}>
          + Add option
        </Button>
      </div>
      {error && (
        <p className={field.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
