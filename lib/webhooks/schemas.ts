import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './event-types';

/**
 * §17 inputs. Browser-safe (zod only), so the admin page validates with the schemas the API
 * uses. Whether a host is a private address is checked by the server (at creation for
 * literal addresses and `localhost`, and again at every delivery after DNS resolution).
 */

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters.')
  .superRefine((value, issue) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      issue.addIssue({
        code: 'custom',
        message: 'Expected a URL such as https://example.com/hook.',
      });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      issue.addIssue({
        code: 'custom',
        message: 'Only http:// and https:// URLs can receive webhooks.',
      });
    } else if (url.username || url.password) {
      issue.addIssue({
        code: 'custom',
        message: 'Leave credentials out of the URL: verify the webhook signature instead.',
      });
    } else if (!url.hostname) {
      issue.addIssue({ code: 'custom', message: 'The URL needs a host name.' });
    }
  });

export const webhookEventsSchema = z
  .array(
    z.enum(WEBHOOK_EVENT_TYPES, { error: `Expected one of: ${WEBHOOK_EVENT_TYPES.join(', ')}.` }),
  )
  .min(1, 'Choose at least one event.')
  .refine((events) => new Set(events).size === events.length, 'Each event may appear once.');

export const WebhookCreateSchema = z.strictObject({
  url: webhookUrlSchema,
  events: webhookEventsSchema,
  is_active: z.boolean().optional(),
});
export type WebhookCreate = z.infer<typeof WebhookCreateSchema>;

export const WebhookPatchSchema = z
  .strictObject({ url: webhookUrlSchema, events: webhookEventsSchema, is_active: z.boolean() })
  .partial();
export type WebhookPatch = z.infer<typeof WebhookPatchSchema>;
