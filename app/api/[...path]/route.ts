import { apiRouter } from '@/lib/api/routes';

// Every /api endpoint goes through one router (lib/http/router.ts): see docs/decisions.md.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRouter.dispatch;
export const POST = apiRouter.dispatch;
export const PATCH = apiRouter.dispatch;
export const PUT = apiRouter.dispatch;
export const DELETE = apiRouter.dispatch;
export const HEAD = apiRouter.dispatch;
