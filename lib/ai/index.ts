/**
 * AI assistants (§13): the assistants collection, and one registry of tools over the same
 * domain functions as the REST routes (find/create/update reservations, services, slots).
 * Each tool's `input_schema` is generated from the zod schema its endpoint validates with;
 * `/tools`, `/tool-calls`, the MCP server and the staff editor all read the registry.
 */
export { aiAssistantsCollection } from './collection';
export { aiAssistantRoutes } from './routes';
export { describeTools, toolByName, type ToolDescription } from './registry';
export { TOOL_NAMES, type ToolName } from './schemas';
