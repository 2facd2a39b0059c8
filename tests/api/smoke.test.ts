import { describe, expect, it } from 'vitest';
import { call, createTestOrg, signIn } from '../helpers/api';

describe('smoke', () => {
  it('serves organizations/me with a key and a cookie', async () => {
    const org = await createTestOrg();
    const me = await org.api.get('/organizations/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(org.id);
    const cookie = await signIn(org.adminEmail, org.adminPassword);
    const viaCookie = await call('GET', '/organizations/me', { cookie });
    expect(viaCookie.status).toBe(200);
    const c = await org.api.post('/contacts', { name: 'Ada', email: 'ada@example.com' });
    expect(c.status).toBe(201);
    const list = await org.api.get('/contacts?$search=ADA');
    expect(list.body.total).toBe(1);
  });
});
