import type { Ctx } from '@/lib/http/context';
import type { JsonSchema } from './json-schema';
import type { ToolName } from './schemas';

/** One AI tool: what a language model is told about it, its input schema, and what it runs. */
export interface ToolDefinition {
  name: ToolName;
  /** For a language model: what it does, when to use it, how times work, what errors mean. */
  describe: (org: { timezone: string }) => string;
  /** JSON Schema generated from the zod schema the mapped endpoint validates with. */
  inputSchema: JsonSchema;
  /**
   * Calls the same domain function as the mapped route, with the assistant's context; returns
   * exactly the route's response body, or throws the route's AppError.
   */
  run: (ctx: Ctx, args: Record<string, unknown>) => Promise<unknown>;
}

/** How times and errors work, said the same way in every tool's description. */
export const timeRules = (timezone: string) =>
  `Times: send instants as ISO 8601 with an offset (2027-03-14T15:00:00+01:00 or 2027-03-14T14:00:00Z); ` +
  `responses always give instants in UTC with Z, so convert them to the customer's time zone when you talk to them. ` +
  `A date is YYYY-MM-DD; unless a timezone argument says otherwise it is a day in the organization's time zone, ${timezone}.`;

export const ERROR_RULES =
  'Errors come back as {"error": {"code", "message", "details"?}}: ' +
  '400 validation_error means an argument is wrong — details lists {path, message} for each one; fix those and retry. ' +
  '404 not_found means no such record exists in this organization.';

export const paragraphs = (...parts: string[]) => parts.join('\n\n');
