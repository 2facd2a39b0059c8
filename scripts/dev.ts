// npm run dev: migrate, seed the demo once, print how to sign in, then serve in dev mode.
//
// NODE_ENV before any import, so React and react-dom/server load the same build (see start.ts).
Object.assign(process.env, { NODE_ENV: 'development' });
const { prepare } = await import('./prepare');
const { serve } = await import('./serve');

const port = Number(process.env.PORT ?? '3000');
const banner = await prepare({ seed: true });
await serve({ dev: true, port, onReady: () => banner && process.stdout.write(banner + '\n') });

export {};
