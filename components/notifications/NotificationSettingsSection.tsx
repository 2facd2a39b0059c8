'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { friendlyMessages } from '@/components/catalog/formHelpers';
import { useFlash } from '@/components/catalog/useFlash';
import { Alert, Button, Card, Select, TextField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { FormSkeleton } from '@/components/ui/ListSkeleton';
import { QueryView } from '@/components/ui/QueryView';
import { NotificationSettingsSchema, type NotificationSettings } from '@/lib/notifications/schemas';
import own from './notifications.module.css';
import { notificationKeys, useNotificationSettings } from './queries';

const FIELDS = [
  'confirmation_email',
  'change_email',
  'reminder_hours_before',
  'staff_email',
] as const;

const LEAD_TIMES = [1, 2, 3, 6, 12, 24, 48, 72, 168];

function leadTimeLabel(hours: number): string {
  if (hours === 168) return '1 week before';
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return `${days} day${days > 1 ? 's' : ''} before`;
  }
  return `${hours} hour${hours > 1 ? 's' : ''} before`;
}

/** §19 settings, loaded and saved through /api/organizations/me/notifications. */
export function NotificationSettingsSection() {
  const settings = useNotificationSettings();
  return (
    <QueryView
      query={settings}
      what="the notification settings"
      loading={
        <Card title="Emails">
          <FormSkeleton label="Loading the notification settings" />
        </Card>
      }
    >
      {(data) => <NotificationSettingsForm initial={data} />}
    </QueryView>
  );
}

function NotificationSettingsForm({ initial }: { initial: NotificationSettings }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [flash, showFlash] = useFlash();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<NotificationSettings>({
    resolver: zodResolver(NotificationSettingsSchema, friendlyMessages),
    defaultValues: initial,
  });
  const current = initial.reminder_hours_before;
  const leadTimes =
    current && !LEAD_TIMES.includes(current) ? [...LEAD_TIMES, current] : LEAD_TIMES;
  const reminderOptions = [
    { value: '', label: 'No reminder' },
    ...leadTimes.sort((a, b) => a - b).map((h) => ({ value: String(h), label: leadTimeLabel(h) })),
  ];

  async function onSubmit(values: NotificationSettings) {
    setFormError(null);
    try {
      const saved = await apiFetch<NotificationSettings>('/api/organizations/me/notifications', {
        method: 'PATCH',
        body: values,
      });
      queryClient.setQueryData(notificationKeys.settings, saved);
      reset(saved);
      showFlash('Saved. New bookings and changes follow these settings from now on.');
    } catch (error) {
      setFormError(applyServerErrors<NotificationSettings>(error, FIELDS, setError));
    }
  }

  return (
    <form className={own.settingsForm} onSubmit={handleSubmit(onSubmit)} noValidate>
      <Card
        title="Customer emails"
        description="Sent to the contact’s email address, each with a calendar invite (.ics) and, for bookings made on a booking page, a link to manage the booking."
      >
        <div className={own.fields}>
          {formError && <Alert tone="error">{formError}</Alert>}
          <Checkbox
            label="Booking confirmations"
            hint="When a booking is made: “requested” while it waits for your confirmation, “confirmed” otherwise."
            error={errors.confirmation_email?.message}
            {...register('confirmation_email')}
          />
          <Checkbox
            label="Changes"
            hint="When your team or an assistant confirms, moves or cancels a booking. A customer who changes a booking on its manage page sees the result there and gets no email for it."
            error={errors.change_email?.message}
            {...register('change_email')}
          />
          <Select
            label="Reminder"
            hint="One email before the start. Bookings made closer to the start than this get none."
            className={own.narrow}
            options={reminderOptions}
            error={errors.reminder_hours_before?.message}
            {...register('reminder_hours_before', {
              setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)),
            })}
          />
        </div>
      </Card>
      <Card
        title="Your team"
        description="Bookings, changes and cancellations made through a booking page or an AI assistant, reported as they happen."
      >
        <div className={own.fields}>
          <TextField
            label="Staff email"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            placeholder="front-desk@example.com"
            hint="Leave empty to send none. Customers’ replies go here too."
            className={own.narrow}
            error={errors.staff_email?.message}
            {...register('staff_email', {
              setValueAs: (v: unknown) =>
                typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v,
            })}
          />
        </div>
      </Card>
      <div className={own.saveBar}>
        <span className={own.saveNote} role="status">
          {flash ?? (isDirty ? 'Unsaved changes' : '')}
        </span>
        <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
