import { aiAssistants } from '@/db/schema';
import { defineCollection } from '@/lib/crud/collection';
import { AiAssistantCreateSchema, AiAssistantPatchSchema } from './schemas';

/**
 * §13 `/api/ai-assistants`: name, instructions and the enabled tools. Writes are admin-only
 * like the rest of the configuration; every member (staff too) may read, because staff may
 * call the tools of an assistant (`/tool-calls`), which only do what staff may do anyway.
 */
export const aiAssistantsCollection = defineCollection({
  path: 'ai-assistants',
  label: 'AI assistant',
  tag: 'AI assistants',
  table: aiAssistants,
  createSchema: AiAssistantCreateSchema,
  patchSchema: AiAssistantPatchSchema,
  filters: { name: 'string', created_at: 'instant', updated_at: 'instant' },
  sortable: ['name', 'created_at', 'updated_at'],
  defaultSort: [{ field: 'name', direction: 1 }],
  search: [aiAssistants.name],
  writeAccess: 'admin',
});
