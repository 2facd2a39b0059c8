import { prepare } from './prepare';

// npm run db:seed: create the demo organization if it is missing and print its credentials.
process.stdout.write((await prepare({ seed: true })) + '\n');
