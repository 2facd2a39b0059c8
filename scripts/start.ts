import { prepare } from './prepare';
import { runNext } from './run-next';

// npm start: apply migrations, then serve the production build (`npm run build` first).
const port = process.env.PORT ?? '3000';
await prepare({ seed: process.env.SEED_DEMO === '1' });
runNext(['start', '-p', port]);
