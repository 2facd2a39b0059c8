'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage, type ListResponse } from '@/components/api/apiFetch';
import { Alert, Button, Card, ConfirmDialog } from '@/components/ui';
import { AddUserForm } from './AddUserForm';
import { ListSkeleton } from './ListSkeleton';
import type { StaffUser } from './types';
import styles from './settings.module.css';

/** Settings › Staff users: who can sign in, with which role; add and remove accounts. */
export function StaffUsersSection({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => apiFetch<ListResponse<StaffUser>>('/api/users'),
  });
  const [removing, setRemoving] = useState<StaffUser | null>(null);
  const remove = useMutation({
    mutationFn: (user: StaffUser) =>
      apiFetch<StaffUser>(`/api/users/${user.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <Card
      id="staff-users"
      aria-labelledby="staff-users-title"
      title="Staff users"
      description="People who sign in to this organization. Admins manage settings; staff handle reservations and contacts."
    >
      {users.isPending ? (
        <ListSkeleton label="Loading staff users" />
      ) : users.isError ? (
        <Alert tone="error" title="Could not load staff users.">
          {errorMessage(users.error)}{' '}
          <Button size="sm" variant="secondary" onClick={() => void users.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : users.data.data.length === 0 ? (
        <div className={styles.empty}>
          <p className={styles.emptyTitle}>No staff users yet</p>
          <p>Add the people who take bookings below.</p>
        </div>
      ) : (
        <ul className={styles.list} aria-label="Staff users">
          {users.data.data.map((user) => {
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
                      onClick={() => {
                        remove.reset();
                        setRemoving(user);
                      }}
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
      )}

      <hr className={styles.divider} />
      <AddUserForm />

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this user'}?`}
        confirmLabel="Remove user"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {removing?.email} will be signed out and will no longer be able to sign in. This cannot be
        undone.
      </ConfirmDialog>
    </Card>
  );
}
