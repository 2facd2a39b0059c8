import { foreignKey, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/** Every tenant row belongs to an organization and goes when it goes. */
export const organizationFk = (t: { organization_id: AnyPgColumn }) =>
  foreignKey({ columns: [t.organization_id], foreignColumns: [organizations.id] }).onDelete(
    'cascade',
  );

/**
 * A foreign key that cannot cross organizations: (organization_id, <ref>_id) must match
 * (organization_id, id) of the target, which every tenant table makes unique.
 */
export function tenantFk(
  name: string,
  local: { organization_id: AnyPgColumn; ref: AnyPgColumn },
  target: { organization_id: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({
    name,
    columns: [local.organization_id, local.ref],
    foreignColumns: [target.organization_id, target.id],
  });
}
