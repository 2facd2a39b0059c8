'use client';

import Link from 'next/link';
import type { Ref } from 'react';
import { Checkbox } from '@/components/ui/Checkbox';
import { ChoiceFieldset } from '@/components/ui/ChoiceFieldset';
import field from '@/components/ui/Field.module.css';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { LoadError } from '@/components/ui/LoadError';
import { TYPE_LABELS } from '../custom-fields/CustomFieldForm';
import { useCustomFields } from '../queries';
import own from './bookingLinks.module.css';
import { LoadingOrOutage } from '@/components/ui/QueryView';

/**
 * Which reservation custom fields (§10) the page asks. The public page asks them in the
 * organization's order (their position), so the keys are kept in that order too.
 */
export function QuestionPicker({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: {
  value: string[];
  onChange: (keys: string[]) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error?: string;
}) {
  const fields = useCustomFields('reservation');
  const known = fields.data ?? [];
  // A key the link names that is no longer a reservation field: shown so it can be unticked.
  const unknown = value.filter((key) => !known.some((f) => f.key === key));
  const order = [...known.map((f) => f.key), ...unknown];
  const toggle = (key: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(key);
    else next.delete(key);
    onChange(order.filter((k) => next.has(k)));
  };
  const rows = [
    ...known.map((f) => ({
      key: f.key,
      label: f.label,
      hint: [
        TYPE_LABELS[f.type as keyof typeof TYPE_LABELS] ?? f.type,
        f.required && 'required',
        !f.is_active && 'inactive: not asked until it is active again',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    ...unknown.map((key) => ({
      key,
      label: key,
      hint: 'No longer a reservation field: untick it to save.',
    })),
  ];

  return (
    <ChoiceFieldset
      legend="Extra questions"
      hint={
        <>
          Asked after name and email, in the order set on{' '}
          <Link href="/catalog/custom-fields">Custom fields</Link>.
        </>
      }
      error={error}
      className={own.group}
      legendClassName={own.groupLabel}
      hintClassName={field.hint}
    >
      {() =>
        fields.isPending ? (
          <LoadingOrOutage queries={[fields]}>
            <ListSkeleton label="Loading custom fields" rows={2} />
          </LoadingOrOutage>
        ) : fields.isError ? (
          <LoadError
            what="custom fields"
            error={fields.error}
            onRetry={() => void fields.refetch()}
          />
        ) : rows.length === 0 ? (
          <p className={field.hint}>
            No reservation fields yet. <Link href="/catalog/custom-fields">Add one</Link> to ask
            customers something more, such as allergies.
          </p>
        ) : (
          <div className={own.checkList}>
            {rows.map((row, index) => (
              <Checkbox
                key={row.key}
                ref={index === 0 ? inputRef : undefined}
                label={row.label}
                hint={row.hint}
                checked={value.includes(row.key)}
                onChange={(event) => toggle(row.key, event.target.checked)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
              />
            ))}
          </div>
        )
      }
    </ChoiceFieldset>
  );
}
