import { getAuth } from '@/lib/auth/better-auth';

// Better Auth's own endpoints (sign-in, sign-out, session).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handle = async (req: Request) => (await getAuth()).handler(req);
export const GET = handle;
export const POST = handle;
