'use client';

import { useEffect, useRef } from 'react';

/**
 * Keeps a native <dialog> shown as a modal while `open` (focus trapped and returned, the page
 * behind inert) and closed otherwise. Put the returned ref on the <dialog>.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
