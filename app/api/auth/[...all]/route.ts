import { randomUUID } from 'node:crypto';
import { getAuth } from '@/lib/auth/better-auth';
import { throttleSignIn } from '@/lib/auth/sign-in-throttle';
import { toErrorResponse } from '@/lib/http/responses';

// Better Auth's own endpoints (sign-in, sign-out, session), behind the sign-in throttle.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handle = async (req: Request) => {
  try {
    await throttleSignIn(req);
  } catch (error) {
    return toErrorResponse(error, randomUUID());
  }
  return (await getAuth()).handler(req);
};
export const GET = handle;
export const POST = handle;
