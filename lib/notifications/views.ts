import { z } from 'zod';
import { instantAnswer, pageOf } from '@/lib/validation/answers';
import { notificationMessages } from '@/db/schema';
import { recordSchemaOf } from '@/lib/openapi/record-schema';
import { NOTIFICATION_AUDIENCES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from './kinds';
import { NotificationSettingsSchema } from './schemas';

/**
 * The answers of §19 (routes.ts), for the API reference and the router's answer check: what
 * `list.ts` builds (`messageSummary`, `getNotification`) and `settings.ts` returns.
 */

export const NotificationSettingsAnswer = NotificationSettingsSchema.meta({
  description: 'The notification settings (the defaults until the first change).',
});

/**
 * A message in the Outbox list (`messageSummary`): the table less what it is rendered from
 * and the sending machinery, with `to_address` as `to`.
 */
export const MessageSummaryView = recordSchemaOf(notificationMessages, {
  omit: [
    'event_id',
    'to_address',
    'data',
    'sequence',
    'claim_token',
    'last_attempt_at',
    'attempts',
    'updated_at',
  ],
}).extend({
  kind: z.enum(NOTIFICATION_KINDS),
  audience: z.enum(NOTIFICATION_AUDIENCES),
  to: z.string().meta({ description: 'The recipient’s address.' }),
  status: z.enum(NOTIFICATION_STATUSES),
  send_after: instantAnswer().meta({
    description: 'When it is (or was) due: a reminder’s time, else its creation.',
  }),
  next_attempt_at: instantAnswer()
    .nullable()
    .meta({ description: 'When it is tried again; null unless it is retrying.' }),
});

export const MessagePage = pageOf(
  MessageSummaryView,
  'A page of messages (sent, kept and pending), newest first unless $sort says.',
);

/** How a try ended, as `sendClaimedMessage` (dispatch.ts) records it. */
const ATTEMPT_OUTCOMES = ['sent', 'kept', 'failed', 'will_retry'] as const;

/** One try, as `sendClaimedMessage` appends it to the message's `attempts` (the last 20). */
const MessageAttemptView = z.strictObject({
  attempt: z.int().min(1).meta({ description: 'The try’s number, from 1.' }),
  at: instantAnswer(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  error: z.string().optional().meta({ description: 'Why it failed, when it did.' }),
  response: z.string().optional().meta({ description: 'The mail server’s reply (300 chars).' }),
  duration_ms: z.int().min(0),
});

/** The iCalendar METHOD of a customer's invite (render.ts). */
const ICS_METHODS = ['REQUEST', 'CANCEL'] as const;

export const MessageAnswer = MessageSummaryView.extend({
  from: z.string().meta({ description: 'The sender, `Name <address>`.' }),
  reply_to: z.string().nullable().meta({ description: 'null for staff messages.' }),
  html: z.string(),
  text: z.string(),
  ics: z.string().nullable().meta({ description: 'The .ics invite; null for staff messages.' }),
  ics_method: z.enum(ICS_METHODS).nullable().meta({ description: 'null for staff messages.' }),
  attempts: z.array(MessageAttemptView).meta({ description: 'Every try, oldest first.' }),
}).meta({ description: 'One message, rendered as its recipient gets it, with its tries.' });
