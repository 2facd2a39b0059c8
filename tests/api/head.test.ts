import { describe, expect, it } from 'vitest';
import { call, createKeyOrg } from '../helpers/api';

/** HEAD answers like GET without a body (RFC 9110), for probes and caches. */
describe('HEAD', () => {
  it('mirrors GET: status and headers, no body', async () => {
    const health = await call('HEAD', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toBeNull();
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const org = await createKeyOrg();
    expect((await call('HEAD', '/reservation-services', { key: org.key })).status).toBe(200);
    expect((await call('HEAD', '/reservation-services')).status).toBe(401);
    expect((await call('HEAD', '/no-such-thing')).status).toBe(404);
  });
});
