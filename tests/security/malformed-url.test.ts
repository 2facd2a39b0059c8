import { describe, expect, it } from 'vitest';
import { isMalformedPath, malformedRequestAnswer } from '@/lib/http/malformed-url';

/** What scripts/serve.ts answers before Next sees a path it would 500 on. */
describe('malformed request paths', () => {
  it.each([
    '/api/reservations/%ZZ',
    '/api/reservations/%',
    '/api/reservations/%E0%A4%A',
    '/api/contacts/%FF',
    '/book/%C3%28',
    '/reservations/%0A',
    '/reservations/%00x',
    '/reservations/\u00e9',
    '/sign-in/a\nb',
  ])('%j is refused', (target) => {
    expect(isMalformedPath(target)).toBe(true);
    const answer = malformedRequestAnswer(target)!;
    expect(answer.status).toBe(400);
    if (target.startsWith('/api/')) {
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'validation_error', message: expect.any(String) },
      });
    } else {
      expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    }
  });

  it.each([
    '/',
    '/api/reservations/5f0c3c9e-1b2a-4c3d-9e8f-0a1b2c3d4e5f',
    '/book/caf%C3%A9',
    '/sign-in?next=%ZZ',
    '/sign-in?next=/%0Aevil',
    '/api/contacts?$search=100%',
    '/docs',
  ])('%j is let through (queries are parsed leniently later)', (target) => {
    expect(malformedRequestAnswer(target)).toBeNull();
  });
});
