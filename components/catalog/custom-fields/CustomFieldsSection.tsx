'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/components/api/apiFetch';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import { CardNotice } from '@/components/ui/CardNotice';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { useConfirm } from '@/components/ui/useConfirm';
import { catalogKeys, useCustomFields } from '../queries';
import type { CustomField, CustomFieldEntity } from '../types';
import { useFlash } from '../useFlash';
import { CustomFieldForm, TYPE_LABELS } from './CustomFieldForm';
import styles from '../catalog.module.css';
import own from './customFields.module.css';

const TITLES: Record<CustomFieldEntity, { title: string; description: string; noun: string }> = {
  reservation: {
    title: 'Reservation fields',
    description: 'Extra questions on every reservation, such as allergies or the occasion.',
    noun: 'reservation',
  },
  contact: {
    title: 'Contact fields',
    description: 'Extra details kept on each contact, such as a loyalty number or birthday.',
    noun: 'contact',
  },
};

/** §10 custom fields of one entity type, in their position order. */
export function CustomFieldsSection({ entity }: { entity: CustomFieldEntity }) {
  const queryClient = useQueryClient();
  const fields = useCustomFields(entity);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [flash, showFlash] = useFlash();
  const text = TITLES[entity];
  const list = fields.data ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogKeys.allCustomFields });

  const remove = useConfirm({
    action: (f: CustomField) => apiFetch(`/api/custom-fields/${f.id}`, { method: 'DELETE' }),
    onDone: (f) => {
      showFlash(`Deleted “${f.label}”.`);
      void refresh();
    },
  });

  // Positions are renumbered 10, 20, 30… so a move is always a clean swap (ties sort arbitrarily).
  const move = useMutation({
    mutationFn: async ({ index, by }: { index: number; by: -1 | 1 }) => {
      const order = [...list];
      const [item] = order.splice(index, 1);
      if (!item) return;
      order.splice(index + by, 0, item);
      for (const [i, f] of order.entries()) {
        const position = (i + 1) * 10;
        if (f.position !== position)
          await apiFetch(`/api/custom-fields/${f.id}`, { method: 'PATCH', body: { position } });
      }
      return item;
    },
    onSuccess: (item, { by }) => {
      if (item) showFlash(`Moved “${item.label}” ${by < 0 ? 'up' : 'down'}.`);
    },
    onSettled: () => refresh(),
  });

  const nextPosition = (list.reduce((max, f) => Math.max(max, f.position), 0) || 0) + 10;

  function done(message: string | null) {
    setEditing(null);
    if (message) showFlash(message);
  }

  return (
    <Card
      id={`${entity}-fields`}
      title={text.title}
      description={text.description}
      actions={
        editing !== 'new' && list.length > 0 ? (
          <Button variant="primary" onClick={() => setEditing('new')}>
            New field
          </Button>
        ) : undefined
      }
    >
      {flash && <CardNotice tone="success">{flash}</CardNotice>}
      {move.isError && (
        <CardNotice tone="error">Could not reorder: {errorMessage(move.error)}</CardNotice>
      )}
      <QueryView
        query={fields}
        what="custom fields"
        loading={<ListSkeleton label={`Loading ${text.noun} fields`} rows={2} />}
      >
        {() =>
          list.length === 0 && editing !== 'new' ? (
            <EmptyState
              title={`No ${text.noun} fields yet — add the first one`}
              action={
                <Button variant="primary" onClick={() => setEditing('new')}>
                  New field
                </Button>
              }
            >
              Ask for what you need to know beyond name, email and phone.
            </EmptyState>
          ) : (
            list.length > 0 && (
              <ul className={styles.list} aria-label={text.title}>
                {list.map((f, index) =>
                  editing === f.id ? (
                    <li key={f.id} className={own.editing}>
                      <CustomFieldForm
                        entity={entity}
                        field={f}
                        nextPosition={nextPosition}
                        onDone={done}
                      />
                    </li>
                  ) : (
                    <CustomFieldRow
                      key={f.id}
                      field={f}
                      moving={move.isPending}
                      onMoveUp={index === 0 ? undefined : () => move.mutate({ index, by: -1 })}
                      onMoveDown={
                        index === list.length - 1 ? undefined : () => move.mutate({ index, by: 1 })
                      }
                      onEdit={() => setEditing(f.id)}
                      onDelete={() => remove.ask(f)}
                    />
                  ),
                )}
              </ul>
            )
          )
        }
      </QueryView>

      {editing === 'new' && (
        <div className={`${own.formCard} ${list.length > 0 ? own.addArea : ''}`}>
          <h3 className={styles.legend} style={{ fontSize: '0.9375rem' }}>
            New {text.noun} field
          </h3>
          <CustomFieldForm entity={entity} nextPosition={nextPosition} onDone={done} />
        </div>
      )}

      <ConfirmDialog
        {...remove.dialog}
        title={`Delete “${remove.target?.label ?? 'this field'}”?`}
        confirmLabel="Delete field"
      >
        Forms stop asking for <code>{remove.target?.key}</code>, and new values for it are refused.
        To hide it but keep the definition, make it inactive instead.
      </ConfirmDialog>
    </Card>
  );
}

/** One field in the list: move buttons, its label, key and kind, then Edit and Delete. */
function CustomFieldRow({
  field: f,
  moving,
  onMoveUp,
  onMoveDown,
  onEdit,
  onDelete,
}: {
  field: CustomField;
  moving: boolean;
  /** Absent for the first field. */
  onMoveUp?: () => void;
  /** Absent for the last field. */
  onMoveDown?: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className={styles.row}>
      <div className={own.moveButtons}>
        <Button
          size="sm"
          variant="ghost"
          disabled={!onMoveUp || moving}
          onClick={onMoveUp}
          aria-label={`Move ${f.label} up`}
        >
          ↑
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={!onMoveDown || moving}
          onClick={onMoveDown}
          aria-label={`Move ${f.label} down`}
        >
          ↓
        </Button>
      </div>
      <div className={styles.rowMain}>
        <span className={styles.rowTitle}>
          {f.label}
          <code className={styles.code}>{f.key}</code>
        </span>
        <span className={styles.rowTitle} style={{ fontWeight: 400 }}>
          <span className={styles.badge}>
            {TYPE_LABELS[f.type as keyof typeof TYPE_LABELS] ?? f.type}
          </span>
          {f.required && <span className={`${styles.badge} ${styles.badgeAccent}`}>Required</span>}
          {!f.is_active && (
            <span className={`${styles.badge} ${styles.badgeWarning}`}>Inactive</span>
          )}
        </span>
        {f.options && f.options.length > 0 && (
          <span className={own.optionsPreview}>{f.options.join(' · ')}</span>
        )}
      </div>
      <div className={styles.rowActions}>
        <Button size="sm" variant="secondary" onClick={onEdit} aria-label={`Edit ${f.label}`}>
          Edit
        </Button>
        <Button size="sm" variant="dangerGhost" onClick={onDelete} aria-label={`Delete ${f.label}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}
