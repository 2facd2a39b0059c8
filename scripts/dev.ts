import { prepare } from './prepare';
import { runNext } from './run-next';

// npm run dev: migrate, seed the demo once, print how to sign in, then `next dev`.
const port = process.env.PORT ?? '3000';
const banner = await prepare({ seed: true });
if (banner) process.stdout.write(banner + '\n');
runNext(['dev', '-p', port], () => banner && process.stdout.write(banner + '\n'));
