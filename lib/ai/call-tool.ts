import type { AiAssistant } from '@/db/schema';
import { findRecord } from '@/lib/crud/operations';
import type { Ctx } from '@/lib/http/context';
import { AppError, forbidden, validationError } from '@/lib/http/errors';
import { aiAssistantsCollection } from './collection';
import { describeTools, toolByName } from './registry';
import { TOOL_NAMES } from './schemas';

/** Running an assistant's tools: the checks `/tool-calls` and MCP share, and the tool's context. */

export async function loadAssistant(ctx: Ctx, id: string): Promise<AiAssistant> {
  return (await findRecord(ctx, aiAssistantsCollection, id)) as unknown as AiAssistant;
}

export const enabledToolNames = (assistant: AiAssistant): string[] =>
  assistant.internal_tools?.tools ?? [];

export const describeEnabledTools = (ctx: Ctx, assistant: AiAssistant) =>
  describeTools(ctx.organization, enabledToolNames(assistant));

/**
 * The tool runs as the assistant (so `source` and `cancelled_by` are `ai_assistant` and the
 * status history names it) with the caller's role: calling a tool never grants more than the
 * caller may do.
 */
export const assistantCtx = (ctx: Ctx, assistant: AiAssistant): Ctx => ({
  ...ctx,
  actor: { kind: 'ai_assistant', role: ctx.actor.role, id: assistant.id },
});

/** §0 tenancy, as the router applies it to queries and bodies: omitted or ours, else 403. */
function withoutOrganizationId(ctx: Ctx, args: Record<string, unknown>) {
  if (!Object.hasOwn(args, 'organization_id')) return args;
  if (args.organization_id !== ctx.organization.id) {
    throw forbidden('The organization_id in the arguments is not your organization.');
  }
  const { organization_id: _omitted, ...rest } = args;
  return rest;
}

/** Runs one tool for an assistant: unknown → 400, not enabled → 403, else the endpoint's answer. */
export async function callTool(
  ctx: Ctx,
  assistant: AiAssistant,
  name: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  const tool = toolByName(name);
  if (!tool) {
    throw validationError(`There is no tool ${name}.`, [
      { path: 'tool', message: `Unknown tool. Known tools: ${TOOL_NAMES.join(', ')}.` },
    ]);
  }
  if (!enabledToolNames(assistant).includes(tool.name)) {
    throw new AppError(
      'tool_not_enabled',
      403,
      `The tool ${tool.name} is not enabled for the assistant ${assistant.name}.`,
    );
  }
  return tool.run(assistantCtx(ctx, assistant), withoutOrganizationId(ctx, args));
}
