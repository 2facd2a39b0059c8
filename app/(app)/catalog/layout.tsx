import type { ReactNode } from 'react';
import { AdminOnly } from '@/components/auth/AdminOnly';
import { CatalogTabs } from '@/components/catalog/CatalogTabs';
import { Page } from '@/components/ui/Page';

/** Catalog › services, resources and custom fields: admins only (writes are admin-only, §3–§10). */
export default function CatalogLayout({ children }: { children: ReactNode }) {
  return (
    <AdminOnly
      title="The catalog is for admins"
      reason={(organization) => (
        <>
          Your account has the staff role, so you can work with reservations and contacts but not
          change the services, resources and custom fields of {organization}. Ask an admin if
          something there needs to change.
        </>
      )}
    >
      <Page
        title="Catalog"
        intro="What customers can book, who and what it takes, and when."
        tabs={<CatalogTabs />}
      >
        {children}
      </Page>
    </AdminOnly>
  );
}
