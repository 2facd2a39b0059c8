'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/components/api/apiFetch';

/**
 * An action on one item that needs a ConfirmDialog first (delete, revoke, unlink): `ask(item)`
 * opens the dialog, which runs `action(item)` when confirmed, shows its failure, and closes on
 * success before `onDone(item)`. Spread `dialog` into the ConfirmDialog.
 */
export function useConfirm<T>({
  action,
  onDone,
}: {
  action: (item: T) => Promise<unknown>;
  onDone?: (item: T) => void;
}) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (_data, item) => {
      setTarget(null);
      onDone?.(item);
    },
  });
  return {
    /** The item waiting for confirmation, or null. */
    target,
    ask: (item: T) => {
      mutation.reset();
      setTarget(item);
    },
    dialog: {
      open: target !== null,
      pending: mutation.isPending,
      error: mutation.isError ? errorMessage(mutation.error) : null,
      onCancel: () => setTarget(null),
      onConfirm: () => {
        if (target !== null) mutation.mutate(target);
      },
    },
  };
}
