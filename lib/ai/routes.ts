import { z } from 'zod';
import { AppError, unauthenticated } from '@/lib/http/errors';
import type { Ctx } from '@/lib/http/context';
import { zodToAppError } from '@/lib/http/responses';
import type { Route, RouteInput } from '@/lib/http/route';
import { callTool, describeEnabledTools, loadAssistant } from './call-tool';
import { serveMcp } from './mcp';
import { TOOL_NAMES, ToolCallSchema } from './schemas';

/**
 * §13 beyond CRUD: an assistant's tools, calling one, and its MCP server. Any member may use
 * them (API key or signed-in staff; a tool runs with the caller's role). MCP takes the API
 * key only, as the contract says: MCP clients are programs, not the staff app.
 */

const TAG = 'AI assistants';

/** For the API reference: what `/tools` answers. */
const ToolListSchema = z.object({
  tools: z.array(
    z.object({
      name: z.enum(TOOL_NAMES),
      description: z.string(),
      input_schema: z.record(z.string(), z.unknown()).meta({
        description: "JSON Schema (2020-12) of the arguments, from the endpoint's validator.",
      }),
    }),
  ),
});
const MCP = '/ai-assistants/:id/mcp';

async function mcpAssistant(ctx: Ctx, { params }: RouteInput) {
  if (ctx.actor.kind !== 'api_key') {
    throw unauthenticated('The MCP server takes an API key: send Authorization: Bearer <key>.');
  }
  return loadAssistant(ctx, params.id!);
}

/** Stateless servers open no server-to-client stream and have no session to end (MCP spec). */
const mcpMethodNotAllowed = async (ctx: Ctx, input: RouteInput) => {
  await mcpAssistant(ctx, input);
  throw new AppError(
    'method_not_allowed',
    405,
    'This MCP server is stateless: send JSON-RPC messages with POST.',
    undefined,
    { Allow: 'POST' },
  );
};

export const aiAssistantRoutes: Route[] = [
  {
    method: 'GET',
    path: '/ai-assistants/:id/tools',
    access: 'member',
    tag: TAG,
    summary: "An assistant's enabled tools: name, description and JSON Schema input",
    schemas: { response: ToolListSchema },
    handle: async (ctx, { params }) => {
      const assistant = await loadAssistant(ctx, params.id!);
      return { body: { tools: describeEnabledTools(ctx, assistant) } };
    },
  },
  {
    method: 'POST',
    path: '/ai-assistants/:id/tool-calls',
    access: 'member',
    tag: TAG,
    summary: "Call one of an assistant's tools; the result is the mapped endpoint's answer",
    schemas: {
      body: ToolCallSchema,
      response:
        "`{tool, result}`: `result` is exactly the mapped endpoint's body; its errors are the endpoint's (403 `tool_not_enabled` for a tool the assistant may not use).",
    },
    handle: async (ctx, { params, body }) => {
      const assistant = await loadAssistant(ctx, params.id!);
      const parsed = ToolCallSchema.safeParse(body);
      if (!parsed.success) throw zodToAppError(parsed.error, 'The tool call is invalid.');
      const { tool, arguments: args = {} } = parsed.data;
      return { body: { tool, result: await callTool(ctx, assistant, tool, args) } };
    },
  },
  {
    method: 'POST',
    path: MCP,
    access: 'member',
    tag: TAG,
    summary: 'Model Context Protocol server (Streamable HTTP, stateless) with the enabled tools',
    rawBody: true,
    schemas: {
      body: z.record(z.string(), z.unknown()).meta({
        description: 'A JSON-RPC 2.0 message of the Model Context Protocol. API key only.',
      }),
      response:
        'The JSON-RPC answer (JSON, no session id); 202 with no body for notifications. Tool errors are results with `isError` and the §0 envelope.',
    },
    handle: async (ctx, input) => serveMcp(ctx, await mcpAssistant(ctx, input), input.req),
  },
  {
    method: 'GET',
    path: MCP,
    access: 'member',
    tag: TAG,
    summary: 'Not offered: the MCP server is stateless (405)',
    schemas: { status: 405 },
    handle: mcpMethodNotAllowed,
  },
  {
    method: 'DELETE',
    path: MCP,
    access: 'member',
    tag: TAG,
    summary: 'Not offered: the MCP server has no sessions (405)',
    schemas: { status: 405 },
    handle: mcpMethodNotAllowed,
  },
];
