import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '@/lib/api/routes';
import { BASE, call, createKeyOrg } from '../helpers/api';
import { futureDate, makeService } from '../helpers/catalog';
import { startApiProcess } from '../helpers/processes';
import { keyOrg } from '../helpers/reservations';
import { addUser, expectError } from '../api/fixtures';
import { makeAssistant } from './helpers';

/**
 * §13 MCP: the official SDK client against `/api/ai-assistants/:id/mcp` — in-process through
 * the router always, and across two app processes on PostgreSQL (the embedded database can be
 * opened by one process only).
 */

type Org = Awaited<ReturnType<typeof createKeyOrg>>;
type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

const inProcess: Fetch = (url, init) => apiRouter.dispatch(new Request(url, init));

async function connect(base: string, assistantId: string, key: string, fetch?: Fetch) {
  const transport = new StreamableHTTPClientTransport(
    new URL(`${base}/api/ai-assistants/${assistantId}/mcp`),
    { requestInit: { headers: { Authorization: `Bearer ${key}` } }, fetch },
  );
  const client = new Client({ name: 'reservations-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
};
const MCP_HEADERS = { accept: 'application/json, text/event-stream' };

async function fixture() {
  const org = await keyOrg('Europe/Paris');
  // One unit: a slot can be booked once.
  const { serviceId } = await makeService(org, { service: { name: 'Consultation' } });
  const assistant = await makeAssistant(org, {
    instructions: 'You book consultations.',
    internal_tools: { tools: ['get_available_slots', 'create_reservation', 'find_reservations'] },
  });
  return { org, serviceId, assistant };
}

/** The scenario both variants run: list, book a slot, fail on the same slot. */
async function bookThroughMcp(
  clients: [Client, Client],
  org: Org,
  assistant: any,
  serviceId: string,
) {
  const [a, b] = clients;
  expect(a.getInstructions()).toBe('You book consultations.');
  const listed = await a.listTools();
  const rest = await org.api.get(`/ai-assistants/${assistant.id}/tools`);
  expect(listed.tools.map((t) => t.name)).toEqual([
    'find_reservations',
    'create_reservation',
    'get_available_slots',
  ]);
  // The same descriptions and the same JSON Schemas as /tools.
  expect(
    listed.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.inputSchema,
    })),
  ).toEqual(rest.body.tools);

  const date = futureDate(9);
  const slots = await b.callTool({
    name: 'get_available_slots',
    arguments: { service_id: serviceId, date },
  });
  expect(slots.isError).toBeFalsy();
  const structured = slots.structuredContent as any;
  expect(JSON.parse((slots.content as any)[0].text)).toEqual(structured);
  const start = structured.slots[0].start_datetime;

  const args = {
    service_id: serviceId,
    start_datetime: start,
    contact: { name: 'Ada', email: 'ada@example.test' },
  };
  const booked = await a.callTool({ name: 'create_reservation', arguments: args });
  expect(booked.isError, JSON.stringify(booked)).toBeFalsy();
  expect(booked.structuredContent).toMatchObject({
    service_id: serviceId,
    start_datetime: start,
    status: 'confirmed',
    source: 'ai_assistant',
  });
  expect(JSON.parse((booked.content as any)[0].text)).toEqual(booked.structuredContent);

  const again = await b.callTool({ name: 'create_reservation', arguments: args });
  expect(again.isError).toBe(true);
  expect(again.structuredContent).toEqual({
    error: expect.objectContaining({ code: 'slot_unavailable' }),
  });
  expect(JSON.parse((again.content as any)[0].text)).toEqual(again.structuredContent);

  const found = await a.callTool({
    name: 'find_reservations',
    arguments: { date, source: 'ai_assistant' },
  });
  expect((found.structuredContent as any).total).toBe(1);
}

describe('MCP in-process', () => {
  let org: Org;
  let other: Org;
  let serviceId: string;
  let assistant: any;
  let client: Client;

  beforeAll(async () => {
    ({ org, serviceId, assistant } = await fixture());
    other = await createKeyOrg();
    client = await connect(BASE, assistant.id, org.key, inProcess);
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists the enabled tools, books a slot, and reports slot_unavailable as a tool error', async () => {
    const second = await connect(BASE, assistant.id, org.key, inProcess);
    try {
      await bookThroughMcp([client, second], org, assistant, serviceId);
    } finally {
      await second.close();
    }
  });

  it('errors are tool results with the envelope: validation, not enabled, unknown tool', async () => {
    const invalid = await client.callTool({
      name: 'get_available_slots',
      arguments: { service_id: serviceId },
    });
    expect(invalid.isError).toBe(true);
    expect((invalid.structuredContent as any).error).toMatchObject({
      code: 'validation_error',
      details: [expect.objectContaining({ path: 'date' })],
    });
    const disabled = await client.callTool({ name: 'update_reservation', arguments: {} });
    expect(disabled.isError).toBe(true);
    expect((disabled.structuredContent as any).error.code).toBe('tool_not_enabled');
    const unknown = await client.callTool({ name: 'drop_tables', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect((unknown.structuredContent as any).error.code).toBe('validation_error');
  });

  it('without an API key: 401 (a staff session is not enough)', async () => {
    const path = `/ai-assistants/${assistant.id}/mcp`;
    expectError(
      await call('POST', path, { body: INITIALIZE, headers: MCP_HEADERS }),
      401,
      'unauthenticated',
    );
    const { cookie } = await addUser(org, 'admin');
    expectError(
      await call('POST', path, {
        cookie,
        body: INITIALIZE,
        headers: { ...MCP_HEADERS, origin: BASE },
      }),
      401,
      'unauthenticated',
    );
    const rejected = connect(BASE, assistant.id, 'not-a-key', inProcess);
    await expect(rejected).rejects.toThrow(/401|unauthenticated/i);
  });

  it("another organization's assistant: 404", async () => {
    expectError(
      await call('POST', `/ai-assistants/${assistant.id}/mcp`, {
        key: other.key,
        body: INITIALIZE,
        headers: MCP_HEADERS,
      }),
      404,
      'not_found',
    );
    await expect(connect(BASE, assistant.id, other.key, inProcess)).rejects.toThrow(
      /404|not found/i,
    );
  });

  it('stateless: GET and DELETE are 405, and no session id is handed out', async () => {
    const path = `/ai-assistants/${assistant.id}/mcp`;
    const get = await call('GET', path, { key: org.key, headers: { accept: 'text/event-stream' } });
    expectError(get, 405, 'method_not_allowed');
    expect(get.headers.get('allow')).toBe('POST');
    expectError(await call('DELETE', path, { key: org.key }), 405, 'method_not_allowed');
    const init = await call('POST', path, { key: org.key, body: INITIALIZE, headers: MCP_HEADERS });
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
    expect(init.body.result.serverInfo.name).toBe('reservations');
  });
});

const onPostgres = !!process.env.DATABASE_URL;

describe.skipIf(!onPostgres)('MCP across two app processes (PostgreSQL)', () => {
  let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  let clients: Client[] = [];

  beforeAll(async () => {
    servers = await Promise.all([startApiProcess(), startApiProcess()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('a session spread over two processes books once and then sees slot_unavailable', async () => {
    const { org, serviceId, assistant } = await fixture();
    clients = await Promise.all(servers.map((s) => connect(s.url, assistant.id, org.key)));
    await bookThroughMcp([clients[0]!, clients[1]!], org, assistant, serviceId);
    const other = await createKeyOrg();
    await expect(connect(servers[1]!.url, assistant.id, other.key)).rejects.toThrow(
      /404|not found/i,
    );
    const unauthenticated = await fetch(
      `${servers[0]!.url}/api/ai-assistants/${assistant.id}/mcp`,
      {
        method: 'POST',
        headers: { ...MCP_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify(INITIALIZE),
      },
    );
    expect(unauthenticated.status).toBe(401);
    expect((await unauthenticated.json()).error.code).toBe('unauthenticated');
  }, 60_000);
});
