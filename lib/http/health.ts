import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { databaseUnavailable } from './db-errors';
import type { Route } from './route';

/** `GET /api/health`: 200 when this process can reach its database, else 503 (for probes). */
const TIMEOUT_MS = 2000;

const HealthAnswer = z
  .strictObject({ status: z.literal('ok'), database: z.literal('ok') })
  .meta({ description: 'This process is up and reaches its database (else 503).' });

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    path: '/health',
    access: 'public',
    tag: 'Operations',
    summary: 'Liveness and database reachability',
    schemas: { response: HealthAnswer },
    handle: async (ctx) => {
      const probe = ctx.db.execute(sql`select 1`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(databaseUnavailable()), TIMEOUT_MS);
      });
      try {
        await Promise.race([probe, timeout]);
      } catch {
        throw databaseUnavailable();
      } finally {
        clearTimeout(timer);
      }
      return { body: { status: 'ok', database: 'ok' } };
    },
  },
];
