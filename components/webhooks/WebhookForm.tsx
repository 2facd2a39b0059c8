'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { apiFetch } from '@/components/api/apiFetch';
import { applyServerErrors } from '@/components/api/applyServerErrors';
import { friendlyMessages } from '@/components/catalog/formHelpers';
import { Alert, Button, TextField } from '@/components/ui';
import { Checkbox } from '@/components/ui/Checkbox';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import { WebhookCreateSchema } from '@/lib/webhooks/schemas';
import { webhookKeys } from './queries';
import type { CreatedWebhook, WebhookRecord } from './types';
import own from './webhooks.module.css';

type Values = z.input<typeof WebhookCreateSchema>;
type Output = z.output<typeof WebhookCreateSchema>;
const FIELDS = ['url', 'events', 'is_active'] as const;

/**
 * Adds an endpoint (POST, whose answer carries the secret, handed to `onCreated`) or edits
 * one (PATCH), validated by the API's own WebhookCreateSchema.
 */
export function WebhookForm({
  webhook,
  onCreated,
  onDone,
}: {
  webhook?: WebhookRecord;
  onCreated?: (created: CreatedWebhook) => void;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const legendId = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({
    resolver: zodResolver(WebhookCreateSchema, friendlyMessages),
    defaultValues: webhook
      ? { url: webhook.url, events: webhook.events, is_active: webhook.is_active }
      : { url: '', events: [...WEBHOOK_EVENT_TYPES], is_active: true },
  });

  async function onSubmit(values: Output) {
    setFormError(null);
    try {
      if (webhook) {
        await apiFetch<WebhookRecord>(`/api/webhooks/${webhook.id}`, {
          method: 'PATCH',
          body: values,
        });
        await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
        onDone('Saved the endpoint.');
      } else {
        const created = await apiFetch<CreatedWebhook>('/api/webhooks', {
          method: 'POST',
          body: values,
        });
        await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
        onCreated?.(created);
      }
    } catch (error) {
      setFormError(applyServerErrors<Values>(error, FIELDS, setError));
    }
  }

  return (
    <form
      className={own.form}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={webhook ? `Edit the endpoint ${webhook.url}` : 'New endpoint'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label="Endpoint URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com/webhooks/reservations"
        hint="We POST JSON here. Use https in production."
        autoFocus
        error={errors.url?.message}
        {...register('url')}
      />
      <fieldset
        className={own.events}
        aria-describedby={errors.events ? `${legendId}-error` : undefined}
      >
        <legend id={legendId} className={own.legend}>
          Events to send
        </legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            value={type}
            label={
              <>
                {WEBHOOK_EVENT_LABELS[type]} <code className={own.eventCode}>{type}</code>
              </>
            }
            {...register('events')}
          />
        ))}
        {errors.events && (
          <p id={`${legendId}-error`} className={own.fieldError} role="alert">
            {errors.events.message ?? errors.events.root?.message}
          </p>
        )}
      </fieldset>
      <Checkbox
        label="Active"
        hint="Inactive endpoints receive nothing (a test event still goes out)."
        {...register('is_active')}
      />
      <div className={own.formActions}>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          {webhook ? 'Save endpoint' : 'Add endpoint'}
        </Button>
      </div>
    </form>
  );
}
