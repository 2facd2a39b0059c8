// npm start: apply migrations, then serve the production build (`npm run build` first).
//
// NODE_ENV is set before anything is loaded: React picks its development or production build
// when it is first imported, and react-dom/server — imported later, when the first email is
// rendered — must pick the same one (a development React under a production renderer fails
// with "dispatcher.getOwner is not a function"). `next()` sets it too, but only after our
// imports have loaded React.
Object.assign(process.env, { NODE_ENV: 'production' });
// Before migrating anything: production refuses to start without APP_URL (or BETTER_AUTH_URL).
const { assertPublicUrlConfigured } = await import('@/lib/notifications/origin');
try {
  assertPublicUrlConfigured();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const { prepare } = await import('./prepare');
const { serve } = await import('./serve');

const port = Number(process.env.PORT ?? '3000');
await prepare({ seed: process.env.SEED_DEMO === '1' });
await serve({ dev: false, port });

export {};
