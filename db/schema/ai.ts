import { index, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from './columns';
import { organizationFk } from './tenancy';

/** AI assistants (§13): which reservation tools each one may call. */
export const aiAssistants = pgTable(
  'ai_assistants',
  {
    id: id(),
    organization_id: organizationId(),
    name: text('name').notNull(),
    instructions: text('instructions'),
    internal_tools: jsonb('internal_tools')
      .$type<{ tools: string[] }>()
      .notNull()
      .default({ tools: [] }),
    created_at: createdAt(),
    updated_at: updatedAt(),
  },
  (t) => [
    organizationFk(t),
    unique('ai_assistants_org_id_key').on(t.organization_id, t.id),
    index('ai_assistants_org_idx').on(t.organization_id),
  ],
);

export type AiAssistant = typeof aiAssistants.$inferSelect;
