import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verifications } from '@/db/schema';
import type { Db } from '@/db/types';
import { requestOrigin } from '@/lib/http/origin';
import { serverSecret } from './secret';

/**
 * Staff sign-in through Better Auth: email + password, database sessions, an httpOnly
 * cookie. Accounts are created by our own code (sign-up creates an organization and its
 * first admin in one transaction; admins add staff), so Better Auth's public sign-up is off.
 */
function createAuth(db: Db) {
  return betterAuth({
    appName: 'Reservations',
    secret: serverSecret(),
    baseURL: process.env.BETTER_AUTH_URL || process.env.APP_URL || undefined,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        organizationId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: true, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Cookie-authenticated writes must come from our own origin, whatever host serves us.
    trustedOrigins: async (request) => (request ? [requestOrigin(request)] : []),
    advanced: {
      database: { generateId: 'uuid' },
      cookiePrefix: 'reservations',
      useSecureCookies: process.env.NODE_ENV === 'production' && !process.env.INSECURE_COOKIES,
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: 'error' },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalKey = Symbol.for('reservations.auth');
type GlobalWithAuth = typeof globalThis & { [globalKey]?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const g = globalThis as GlobalWithAuth;
  g[globalKey] ??= getDb().then(createAuth);
  return g[globalKey];
}
