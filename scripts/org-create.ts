import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import {
  createOrganization,
  OrganizationCreateSchema,
} from '@/lib/organizations/create-organization';

/**
 * npm run -s org:create -- --name NAME --timezone TZ [--admin-email E --admin-password P]
 * Prints exactly one JSON line: {"organization_id": "...", "api_key": "..."}.
 */
const USAGE =
  'Usage: npm run -s org:create -- --name NAME --timezone TZ [--admin-email E --admin-password P]';

function fail(message: string): never {
  process.stderr.write(`org:create: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        timezone: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-password': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.name) fail('--name is required.');
  if (!values.timezone) fail('--timezone is required.');
  if (!!values['admin-email'] !== !!values['admin-password']) {
    fail('--admin-email and --admin-password go together.');
  }
  const parsed = OrganizationCreateSchema.safeParse({
    name: values.name,
    timezone: values.timezone,
    admin: values['admin-email']
      ? { email: values['admin-email'], password: values['admin-password'] }
      : undefined,
    with_api_key: true,
  });
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  }
  try {
    const db = await getDb();
    const { organization, apiKey } = await createOrganization(db, parsed.data);
    process.stdout.write(
      JSON.stringify({ organization_id: organization.id, api_key: apiKey!.key }) + '\n',
    );
  } catch (error) {
    const code =
      (error as { cause?: { code?: string }; code?: string }).cause?.code ??
      (error as { code?: string }).code;
    fail(
      code === '23505'
        ? 'An account with this admin email already exists.'
        : (error as Error).message,
    );
  } finally {
    await closeDb();
  }
}

await main();
