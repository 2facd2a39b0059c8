import { prepare } from './prepare';
import { serve } from './serve';

// npm start: apply migrations, then serve the production build (`npm run build` first).
const port = Number(process.env.PORT ?? '3000');
await prepare({ seed: process.env.SEED_DEMO === '1' });
await serve({ dev: false, port });
