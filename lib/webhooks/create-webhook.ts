import { randomUUID } from 'node:crypto';
import { createRecord } from '@/lib/crud/operations';
import type { Ctx } from '@/lib/http/context';
import { webhooksCollection } from './collection';
import { encryptWebhookSecret, generateWebhookSecret } from './secret';

/**
 * `POST /api/webhooks`: the generic create, plus a secret drawn here — stored encrypted,
 * returned in this response only (`secret`, `whsec_…`), like an API key.
 */
export async function createWebhook(ctx: Ctx, body: Record<string, unknown>) {
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const record = await createRecord(
    ctx,
    {
      ...webhooksCollection,
      prepareCreate: (_ctx, values) => ({
        ...values,
        id,
        secret_encrypted: encryptWebhookSecret(secret, ctx.organization.id, id),
      }),
    },
    body,
  );
  return { ...record, secret };
}
