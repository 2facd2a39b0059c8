import qs from 'qs';
import { call, type ApiResponse, type TestOrg } from '../helpers/api';
import { TOOL_NAMES } from '@/lib/ai/schemas';

/** Helpers of the tests/ai suite (not a test file itself). */

export const ALL_TOOLS = [...TOOL_NAMES];

export async function makeAssistant(
  org: Pick<TestOrg, 'key'>,
  body: Record<string, unknown> = {},
): Promise<any> {
  const res = await call('POST', '/ai-assistants', {
    key: org.key,
    body: { name: 'Front desk', internal_tools: { tools: ALL_TOOLS }, ...body },
  });
  if (res.status !== 201) throw new Error(`assistant: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POST /ai-assistants/:id/tool-calls. */
export function callTool(
  org: Pick<TestOrg, 'key'>,
  assistantId: string,
  tool: string,
  args?: unknown,
): Promise<ApiResponse> {
  return call('POST', `/ai-assistants/${assistantId}/tool-calls`, {
    key: org.key,
    body: args === undefined ? { tool } : { tool, arguments: args },
  });
}

/** A GET with JSON arguments written as the query string a REST client would send. */
export function getWithQuery(org: Pick<TestOrg, 'key'>, path: string, args: unknown) {
  const search = qs.stringify(args);
  return call('GET', search ? `${path}?${search}` : path, { key: org.key });
}

/** The REST request each tool maps to (§13's table), for the same arguments. */
export function restEquivalent(
  org: Pick<TestOrg, 'key'>,
  tool: string,
  args: Record<string, unknown>,
): Promise<ApiResponse> {
  switch (tool) {
    case 'find_reservations':
      return getWithQuery(org, '/reservations', args);
    case 'get_reservation_services':
      return getWithQuery(org, '/reservation-services', args);
    case 'get_available_slots':
      return getWithQuery(org, '/reservation-available-slots', args);
    case 'create_reservation':
      return call('POST', '/reservations', { key: org.key, body: args });
    case 'update_reservation': {
      const { id, ...patch } = args;
      return call('PATCH', `/reservations/${String(id)}`, { key: org.key, body: patch });
    }
    case 'hold_slot':
      return call('POST', '/reservation-holds', { key: org.key, body: args });
    case 'release_hold':
      return call('DELETE', `/reservation-holds/${String(args.id)}`, { key: org.key });
    default:
      throw new Error(`no REST twin for ${tool}`);
  }
}

/** Fields that differ between two writes of the same input (new ids, clocks, who wrote). */
export function withoutVolatile(record: Record<string, unknown>) {
  const { id: _id, created_at: _c, updated_at: _u, source: _s, ...rest } = record;
  return rest;
}
