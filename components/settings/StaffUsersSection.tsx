'use client';

import { useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/apiFetch';
import { Button, Card, ConfirmDialog } from '@/components/ui';
import { EmptyState } from '@/components/ui/EmptyState';
import { ListSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { useConfirm } from '@/components/ui/useConfirm';
import { AddUserForm } from './AddUserForm';
import { settingsKeys, useStaffUsers } from './queries';
import type { StaffUser } from './types';
import styles from './settings.module.css';

/** Settings › Staff users: who can sign in, with which role; add and remove accounts. */
export function StaffUsersSection({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useStaffUsers();
  const remove = useConfirm({
    action: (user: StaffUser) => apiFetch<StaffUser>(`/api/users/${user.id}`, { method: 'DELETE' }),
    onDone: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.users }),
  });

  return (
    <Card
      id="staff-users"
      aria-labelledby="staff-users-title"
      title="Staff users"
      description="People who sign in to this organization. Admins manage settings; staff handle reservations and contacts."
    >
      <QueryView
        query={users}
        what="staff users"
        loading={<ListSkeleton label="Loading staff users" />}
      >
        {({ data }) =>
          data.length === 0 ? (
            <EmptyState title="No staff users yet">
              Add the people who take bookings below.
            </EmptyState>
          ) : (
            <ul className={styles.list} aria-label="Staff users">
              {data.map((user) => {
                const isYou = user.id === currentUserId;
                return (
                  <li key={user.id} className={styles.row}>
                    <div className={styles.rowMain}>
                      <span className={styles.rowTitle}>
                        {user.name}
                        <span
                          className={`${styles.badge} ${user.role === 'admin' ? styles.badgeAccent : ''}`}
                        >
                          {user.role}
                        </span>
                        {isYou && <span className={styles.badge}>You</span>}
                      </span>
                      <span className={styles.rowMeta}>{user.email}</span>
                    </div>
                    {!isYou && (
                      <div className={styles.rowActions}>
                        <Button
                          size="sm"
                          variant="dangerGhost"
                          onClick={() => remove.ask(user)}
                          aria-label={`Remove ${user.name}`}
                        >
                          Remove
                        </Button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>

      <hr className={styles.divider} />
      <AddUserForm />

      <ConfirmDialog
        {...remove.dialog}
        title={`Remove ${remove.target?.name ?? 'this user'}?`}
        confirmLabel="Remove user"
      >
        {remove.target?.email} will be signed out and will no longer be able to sign in. This cannot
        be undone.
      </ConfirmDialog>
    </Card>
  );
}
