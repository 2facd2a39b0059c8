import { beforeAll, describe, expect, it } from 'vitest';
import { call, createKeyOrg, sessionClient } from '../helpers/api';
import { addUser, expectError, expectStatus, ISO_UTC } from '../api/fixtures';
import { ALL_TOOLS, makeAssistant } from './helpers';

/** §13 `/api/ai-assistants`: CRUD through the collection generator, tools, tenancy, roles. */

type Org = Awaited<ReturnType<typeof createKeyOrg>>;

describe('ai-assistants CRUD', () => {
  let org: Org;
  beforeAll(async () => {
    org = await createKeyOrg('Europe/Paris');
  });

  it('creates with defaults, reads, lists, patches and deletes', async () => {
    const created = await org.api.post('/ai-assistants', { name: '  Front desk  ' });
    expectStatus(created, 201);
    expect(created.body).toEqual({
      id: expect.any(String),
      organization_id: org.id,
      name: 'Front desk',
      instructions: null,
      internal_tools: { tools: [] },
      created_at: expect.stringMatching(ISO_UTC),
      updated_at: expect.stringMatching(ISO_UTC),
    });
    const id = created.body.id;
    expect((await org.api.get(`/ai-assistants/${id}`)).body).toEqual(created.body);

    const patched = await org.api.patch(`/ai-assistants/${id}`, {
      instructions: 'Be brief.',
      internal_tools: { tools: ['get_available_slots', 'create_reservation'] },
    });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({
      name: 'Front desk',
      instructions: 'Be brief.',
      internal_tools: { tools: ['get_available_slots', 'create_reservation'] },
    });

    const list = await org.api.get('/ai-assistants?$search=front');
    expectStatus(list, 200);
    expect(list.body).toMatchObject({ total: 1, limit: 10, skip: 0 });
    expect(list.body.data[0].id).toBe(id);

    const removed = await org.api.delete(`/ai-assistants/${id}`);
    expectStatus(removed, 200);
    expect(removed.body.id).toBe(id);
    expectError(await org.api.get(`/ai-assistants/${id}`), 404, 'not_found');
  });

  it('PATCH replaces the tool list; other fields stay', async () => {
    const a = await makeAssistant(org, { instructions: 'Keep me' });
    expect(a.internal_tools.tools).toEqual(ALL_TOOLS);
    const res = await org.api.patch(`/ai-assistants/${a.id}`, {
      internal_tools: { tools: ['find_reservations'] },
    });
    expect(res.body.internal_tools).toEqual({ tools: ['find_reservations'] });
    expect(res.body.instructions).toBe('Keep me');
    const cleared = await org.api.patch(`/ai-assistants/${a.id}`, {
      internal_tools: { tools: [] },
    });
    expect(cleared.body.internal_tools).toEqual({ tools: [] });
    const tools = await org.api.get(`/ai-assistants/${a.id}/tools`);
    expect(tools.body).toEqual({ tools: [] });
  });

  it('refuses unknown tool keys, duplicates, unknown fields and a missing name (400)', async () => {
    expectError(
      await org.api.post('/ai-assistants', {
        name: 'X',
        internal_tools: { tools: ['find_reservations', 'delete_everything'] },
      }),
      400,
      'validation_error',
      ['internal_tools.tools.1'],
    );
    const a = await makeAssistant(org);
    expectError(
      await org.api.patch(`/ai-assistants/${a.id}`, { internal_tools: { tools: ['nope'] } }),
      400,
      'validation_error',
      ['internal_tools.tools.0'],
    );
    expectError(
      await org.api.post('/ai-assistants', {
        name: 'X',
        internal_tools: { tools: ['find_reservations', 'find_reservations'] },
      }),
      400,
      'validation_error',
      ['internal_tools.tools'],
    );
    expectError(
      await org.api.post('/ai-assistants', {
        name: 'X',
        internal_tools: { tools: [], mcp: true },
      }),
      400,
      'validation_error',
      ['internal_tools.mcp'],
    );
    expectError(
      await org.api.post('/ai-assistants', { name: 'X', model: 'gpt' }),
      400,
      'validation_error',
      ['model'],
    );
    expectError(await org.api.post('/ai-assistants', { name: ' ' }), 400, 'validation_error', [
      'name',
    ]);
    expectError(
      await org.api.post('/ai-assistants', { name: 'X', internal_tools: { tools: 'all' } }),
      400,
      'validation_error',
      ['internal_tools.tools'],
    );
    // The stored list did not change.
    expect((await org.api.get(`/ai-assistants/${a.id}`)).body.internal_tools.tools).toEqual(
      ALL_TOOLS,
    );
  });

  it('GET /tools lists the enabled tools in registry order with JSON Schemas', async () => {
    const a = await makeAssistant(org, {
      internal_tools: { tools: ['get_available_slots', 'find_reservations'] },
    });
    const res = await org.api.get(`/ai-assistants/${a.id}/tools`);
    expectStatus(res, 200);
    expect(Object.keys(res.body)).toEqual(['tools']);
    expect(res.body.tools.map((t: any) => t.name)).toEqual([
      'find_reservations',
      'get_available_slots',
    ]);
    for (const tool of res.body.tools) {
      expect(Object.keys(tool).sort()).toEqual(['description', 'input_schema', 'name']);
      expect(tool.input_schema).toMatchObject({ type: 'object', additionalProperties: false });
      // Written for a language model, about this organization.
      expect(tool.description).toContain('Europe/Paris');
      expect(tool.description).toContain('validation_error');
    }
    expect(res.body.tools[1].input_schema.required).toEqual(['service_id', 'date']);
  });
});

describe('tenancy', () => {
  let org: Org;
  let other: Org;
  let theirs: any;
  beforeAll(async () => {
    org = await createKeyOrg();
    other = await createKeyOrg();
    theirs = await makeAssistant(other);
  });

  it("another organization's assistant is a 404 everywhere", async () => {
    const base = `/ai-assistants/${theirs.id}`;
    expectError(await org.api.get(base), 404, 'not_found');
    expectError(await org.api.patch(base, { name: 'Mine now' }), 404, 'not_found');
    expectError(await org.api.delete(base), 404, 'not_found');
    expectError(await org.api.get(`${base}/tools`), 404, 'not_found');
    expectError(
      await org.api.post(`${base}/tool-calls`, { tool: 'get_reservation_services' }),
      404,
      'not_found',
    );
    expect((await org.api.get('/ai-assistants')).body.total).toBe(0);
    // Still there, unchanged, for its owner.
    expect((await other.api.get(base)).body.name).toBe('Front desk');
  });

  it('a malformed id is a 404; organization_id of another organization is a 403', async () => {
    expectError(await org.api.get('/ai-assistants/not-a-uuid/tools'), 404, 'not_found');
    expectError(
      await org.api.post('/ai-assistants', { name: 'X', organization_id: other.id }),
      403,
      'forbidden',
    );
  });

  it('needs credentials (401)', async () => {
    expectError(await call('GET', '/ai-assistants'), 401, 'unauthenticated');
    expectError(
      await call('POST', `/ai-assistants/${theirs.id}/tool-calls`, {
        body: { tool: 'find_reservations' },
      }),
      401,
      'unauthenticated',
    );
  });
});

describe('staff role', () => {
  let org: Org;
  let staff: ReturnType<typeof sessionClient>;
  let assistant: any;
  beforeAll(async () => {
    org = await createKeyOrg();
    assistant = await makeAssistant(org);
    staff = sessionClient((await addUser(org, 'staff')).cookie);
  });

  it('may read assistants and their tools, and call tools', async () => {
    expectStatus(await staff.get('/ai-assistants'), 200);
    expectStatus(await staff.get(`/ai-assistants/${assistant.id}`), 200);
    const tools = await staff.get(`/ai-assistants/${assistant.id}/tools`);
    expect(tools.body.tools).toHaveLength(ALL_TOOLS.length);
    const res = await staff.post(`/ai-assistants/${assistant.id}/tool-calls`, {
      tool: 'get_reservation_services',
      arguments: {},
    });
    expectStatus(res, 200);
    expect(res.body).toEqual({
      tool: 'get_reservation_services',
      result: { total: 0, limit: 10, skip: 0, data: [] },
    });
  });

  it('may not create, change or delete them (403)', async () => {
    expectError(await staff.post('/ai-assistants', { name: 'Mine' }), 403, 'forbidden');
    expectError(
      await staff.patch(`/ai-assistants/${assistant.id}`, { name: 'Renamed' }),
      403,
      'forbidden',
    );
    expectError(await staff.delete(`/ai-assistants/${assistant.id}`), 403, 'forbidden');
  });

  it('an admin signed in may write', async () => {
    const admin = sessionClient((await addUser(org, 'admin')).cookie);
    expectStatus(await admin.post('/ai-assistants', { name: 'By an admin' }), 201);
  });
});
