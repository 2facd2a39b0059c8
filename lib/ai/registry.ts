import type { Organization } from '@/db/schema';
import type { JsonSchema } from './json-schema';
import { TOOL_NAMES, type ToolName } from './schemas';
import type { ToolDefinition } from './tool';
import { createReservationTool } from './tools/create-reservation';
import { findReservationsTool } from './tools/find-reservations';
import { getAvailableSlotsTool } from './tools/get-available-slots';
import { getReservationServicesTool } from './tools/get-reservation-services';
import { holdSlotTool } from './tools/hold-slot';
import { releaseHoldTool } from './tools/release-hold';
import { updateReservationTool } from './tools/update-reservation';

/** The one list of AI tools (§13): `/tools`, `/tool-calls`, MCP and the editor read it. */
const TOOLS: Record<ToolName, ToolDefinition> = {
  find_reservations: findReservationsTool,
  create_reservation: createReservationTool,
  update_reservation: updateReservationTool,
  get_reservation_services: getReservationServicesTool,
  get_available_slots: getAvailableSlotsTool,
  hold_slot: holdSlotTool,
  release_hold: releaseHoldTool,
};

export function toolByName(name: string): ToolDefinition | undefined {
  return Object.hasOwn(TOOLS, name) ? TOOLS[name as ToolName] : undefined;
}

/** What `/tools` answers for each tool (and MCP lists as name, description, inputSchema). */
export interface ToolDescription {
  name: ToolName;
  description: string;
  input_schema: JsonSchema;
}

/** The given tools (default: all) in registry order, described for `organization`. */
export function describeTools(
  organization: Pick<Organization, 'timezone'>,
  names: readonly string[] = TOOL_NAMES,
): ToolDescription[] {
  return TOOL_NAMES.filter((name) => names.includes(name)).map((name) => ({
    name,
    description: TOOLS[name].describe(organization),
    input_schema: TOOLS[name].inputSchema,
  }));
}
