import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { idempotencyKeys } from '@/db/schema';
import type { Db } from '@/db/types';
import { pgErrorInfo } from '@/lib/http/db-errors';
import { AppError, fieldError } from '@/lib/http/errors';

/**
 * §0 Idempotency-Key. The key's row is inserted first inside the write's transaction, so a
 * concurrent duplicate waits on the unique index until the first commits, then replays its
 * response; if the first rolls back, the row goes with it and the duplicate runs normally.
 * Only successful responses are stored: a refused request may be retried with the same key.
 */
const TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function readIdempotencyKey(req: Request): string | null {
  const key = req.headers.get('idempotency-key');
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw fieldError('Idempotency-Key', 'Idempotency-Key must be 1–255 visible ASCII characters.');
  return key;
}

async function replay(
  db: Db,
  organizationId: string,
  scope: string,
  key: string,
  hash: string,
  now: Date,
): Promise<StoredResponse | null> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.organization_id, organizationId),
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        lt(idempotencyKeys.created_at, new Date(now.getTime() - TTL_MS)),
      ),
    );
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.organization_id, organizationId),
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new AppError(
      'idempotency_conflict',
      409,
      'This Idempotency-Key was already used with a different request body.',
    );
  }
  return { status: row.response_status, body: row.response_body };
}

/**
 * Runs `write` in a transaction once per (organization, scope, key). `write` returns the
 * response to store; replays return it unchanged.
 */
export async function withIdempotency(
  db: Db,
  opts: { organizationId: string; scope: string; key: string | null; body: unknown; now: Date },
  write: (tx: Db) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (!opts.key) return db.transaction(write);
  const key = opts.key;
  const hash = createHash('sha256').update(stableStringify(opts.body)).digest('hex');
  const previous = await replay(db, opts.organizationId, opts.scope, key, hash, opts.now);
  if (previous) return previous;
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(idempotencyKeys).values({
        organization_id: opts.organizationId,
        scope: opts.scope,
        key,
        request_hash: hash,
        response_status: 0,
        response_body: {},
      });
      const response = await write(tx);
      await tx
        .update(idempotencyKeys)
        .set({ response_status: response.status, response_body: response.body as object })
        .where(
          and(
            eq(idempotencyKeys.organization_id, opts.organizationId),
            eq(idempotencyKeys.scope, opts.scope),
            eq(idempotencyKeys.key, key),
          ),
        );
      return response;
    });
  } catch (error) {
    if (pgErrorInfo(error)?.constraint === 'idempotency_keys_scope_key') {
      const stored = await replay(db, opts.organizationId, opts.scope, key, hash, opts.now);
      if (stored) return stored;
    }
    throw error;
  }
}
