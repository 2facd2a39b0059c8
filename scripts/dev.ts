import { prepare } from './prepare';
import { serve } from './serve';

// npm run dev: migrate, seed the demo once, print how to sign in, then serve in dev mode.
const port = Number(process.env.PORT ?? '3000');
const banner = await prepare({ seed: true });
await serve({ dev: true, port, onReady: () => banner && process.stdout.write(banner + '\n') });
