import { closeDb, databaseKind, getDb } from '@/db/client';

// Opening the database applies the migrations that are missing (db/migrate.ts).
await getDb();
await closeDb();
process.stdout.write(`Migrations applied (${databaseKind()}).\n`);
