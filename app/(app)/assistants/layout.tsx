import type { ReactNode } from 'react';
import { AdminOnly } from '@/components/auth/AdminOnly';
import { Page } from '@/components/ui/Page';

/** AI assistants: admins only (writes are admin-only like the rest of the configuration). */
export default function AssistantsLayout({ children }: { children: ReactNode }) {
  return (
    <AdminOnly
      title="Assistants are for admins"
      reason={(organization) => (
        <>
          Your account has the staff role, so you can work with reservations and contacts but not
          set up the AI assistants of {organization}. Ask an admin if one needs to change.
        </>
      )}
    >
      <Page
        title="AI assistants"
        intro="Let a language model find, book and change reservations — with the same rules as your team."
      >
        {children}
      </Page>
    </AdminOnly>
  );
}
