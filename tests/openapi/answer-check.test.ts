import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import type { Route } from '@/lib/http/route';
import { createRouter } from '@/lib/http/router';
import { createAnswerCheck } from '@/lib/openapi/answer-check';

/**
 * The router's development check: an answer that its declaration does not describe — a
 * field of the wrong type, an undeclared field of a closed object, a status the operation
 * does not document, another media type — becomes a loud 500 instead of reaching a client
 * that was told otherwise.
 */

const Thing = z.strictObject({ id: z.string(), count: z.int() });

function routeAnswering(answer: () => unknown, extra: Partial<Route['schemas']> = {}): Route {
  return {
    method: 'GET',
    path: '/things/:id',
    access: 'public',
    tag: 'Things',
    summary: 'A thing',
    schemas: { response: Thing, ...extra },
    handle: async () => {
      const body = answer();
      return body instanceof Response ? body : { body };
    },
  };
}

async function get(route: Route, check = true) {
  const routes = [route];
  const router = createRouter(routes, {
    checkAnswer: check ? createAnswerCheck(() => ({ routes, collections: [] })) : undefined,
  });
  const res = await router.dispatch(new Request('http://localhost/api/things/1'));
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('the answer check', () => {
  it('lets a declared answer through', async () => {
    const res = await get(routeAnswering(() => ({ id: 'a', count: 2 })));
    expect(res).toEqual({ status: 200, body: { id: 'a', count: 2 } });
  });

  it('lets a documented error through', async () => {
    const res = await get(
      routeAnswering(() => {
        throw new AppError('not_found', 404, 'No such thing.');
      }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it.each([
    ['a field of the wrong type', () => ({ id: 'a', count: 'two' }), 'does not match its schema'],
    ['an undeclared field', () => ({ id: 'a', count: 2, secret: 'x' }), 'does not match'],
    ['a missing field', () => ({ id: 'a' }), 'does not match its schema'],
    [
      'an undocumented status',
      () => {
        throw new AppError('slot_unavailable', 409, 'Taken.');
      },
      'this status is not documented',
    ],
    [
      'another media type',
      () => new Response('hello', { headers: { 'content-type': 'text/plain' } }),
      'content-type text/plain',
    ],
  ])('fails loudly on %s', async (_, answer, why) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await get(routeAnswering(answer));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(res.body.error.message).toContain('GET /api/things/:id');
    expect(res.body.error.message).toContain(why);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('checks media answers by type and bodiless answers by their emptiness', async () => {
    const ics = { response: { media: 'text/calendar', description: 'An event.' } };
    const calendar = () =>
      new Response('BEGIN:VCALENDAR', { headers: { 'content-type': 'text/calendar' } });
    expect((await get(routeAnswering(calendar, ics))).status).toBe(200);
    const empty = () => new Response(null, { status: 304 });
    expect((await get(routeAnswering(empty, { otherAnswers: { 304: null } }))).status).toBe(304);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const notEmpty = () => new Response('x', { status: 304 });
    expect((await get(routeAnswering(notEmpty, { otherAnswers: { 304: null } }))).status).toBe(500);
    vi.restoreAllMocks();
  });

  it('is not there in production: the router answers what the handler gave', async () => {
    const res = await get(
      routeAnswering(() => ({ id: 'a', count: 'two' })),
      false,
    );
    expect(res).toEqual({ status: 200, body: { id: 'a', count: 'two' } });
  });
});
