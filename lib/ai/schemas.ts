import { z } from 'zod';
import { nameSchema } from '@/lib/validation/fields';

/** Inputs of §13 `/api/ai-assistants`, shared by the API, the assistants editor and the tests. */

/** The tool keys of §13, in the order the tools are listed. */
export const TOOL_NAMES = [
  'find_reservations',
  'create_reservation',
  'update_reservation',
  'get_reservation_services',
  'get_available_slots',
  'hold_slot',
  'release_hold',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export const isToolName = (name: unknown): name is ToolName =>
  typeof name === 'string' && (TOOL_NAMES as readonly string[]).includes(name);

const toolList = z
  .array(z.enum(TOOL_NAMES, { error: `Unknown tool. Known tools: ${TOOL_NAMES.join(', ')}.` }))
  .refine((tools) => new Set(tools).size === tools.length, 'Each tool may be listed once.');

/** `internal_tools` is replaced as a whole on PATCH: the list sent is the list kept. */
export const InternalToolsSchema = z.strictObject({ tools: toolList });

const assistantFields = {
  name: nameSchema(),
  instructions: z.string().max(20_000).nullable(),
  internal_tools: InternalToolsSchema,
};

export const AiAssistantCreateSchema = z.strictObject({
  name: assistantFields.name,
  instructions: assistantFields.instructions.optional(),
  internal_tools: assistantFields.internal_tools.optional(),
});
export const AiAssistantPatchSchema = z.strictObject(assistantFields).partial();
export type AiAssistantCreate = z.infer<typeof AiAssistantCreateSchema>;

/** POST /api/ai-assistants/:id/tool-calls. The tool name is checked against the registry. */
export const ToolCallSchema = z.strictObject({
  tool: z.string().min(1, 'Required.'),
  arguments: z.record(z.string(), z.unknown()).optional(),
});
