import type { z } from 'zod';
import { zodToAppError } from '@/lib/http/responses';
import { toQueryValues } from '../query-args';

/** Checks a tool's JSON arguments against its schema, with a 400 worded like the route's own. */
export function parseArgs(
  schema: z.ZodType,
  args: Record<string, unknown>,
  message: string,
): Record<string, unknown> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw zodToAppError(parsed.error, message);
  return args;
}

/**
 * Runs a read-only query tool: its JSON arguments become the query-string values the route
 * would see, and go to the route's domain function. Arguments the tool's schema refuses are
 * a 400 — the route's own refusal of the same query, word for word, when it has one, else the
 * schema's (for JSON types a query string cannot carry, e.g. `"2"` where a number belongs).
 */
export async function runQuery<T>(
  schema: z.ZodType,
  args: Record<string, unknown>,
  message: string,
  query: (values: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  const values = toQueryValues(args) as Record<string, unknown>;
  const parsed = schema.safeParse(args);
  if (parsed.success) return query(values);
  await query(values);
  throw zodToAppError(parsed.error, message);
}
