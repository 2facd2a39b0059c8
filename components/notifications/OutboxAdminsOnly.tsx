import { AdminsOnlyNotice } from '@/components/auth/AdminOnly';

/** What a staff account sees on the Outbox pages. */
export function OutboxAdminsOnly({ organizationName }: { organizationName: string }) {
  return (
    <AdminsOnlyNotice title="The Outbox is for admins">
      Your account has the staff role. Ask an admin of {organizationName} if you need to see what
      was emailed to a customer.
    </AdminsOnlyNotice>
  );
}
