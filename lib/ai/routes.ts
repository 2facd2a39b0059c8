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

/** For the API reference and the router's answer check: what `/tools` answers. */
const ToolListSchema = z
  .strictObject({
    tools: z.array(
      z.strictObject({
        name: z.enum(TOOL_NAMES),
        description: z.string(),
        input_schema: z.record(z.string(), z.unknown()).meta({
          description: "JSON Schema (2020-12) of the arguments, from the endpoint's validator.",
        }),
      }),
    ),
  })
  .meta({ description: "The assistant's enabled tools, in registry order." });

/** What `/tool-calls` answers: the tool called and its endpoint's body. */
const ToolCallAnswer = z
  .strictObject({
    tool: z.enum(TOOL_NAMES),
    result: z.unknown().meta({
      description:
        "Exactly the mapped endpoint's success body (e.g. a reservation, a page of reservations, the available slots).",
    }),
  })
  .meta({
    description:
      "`{tool, result}`: `result` is exactly the mapped endpoint's body; its errors are the endpoint's (403 `tool_not_enabled` for a tool the assistant may not use).",
  });

/** JSON-RPC 2.0 answers, as the MCP SDK's transport writes them in JSON mode. */
const JsonRpcId = z.union([z.string(), z.int()]);
const JsonRpcResult = z.strictObject({
  jsonrpc: z.literal('2.0'),
  id: JsonRpcId,
  result: z.looseObject({}).meta({
    description: 'The result of the method (`initialize`, `tools/list`, `tools/call`, …).',
  }),
});
const JsonRpcError = z.strictObject({
  jsonrpc: z.literal('2.0'),
  id: JsonRpcId,
  error: z.strictObject({ code: z.int(), message: z.string(), data: z.unknown().optional() }),
});
/** What the transport answers itself for a request it cannot take (wrong Accept, bad JSON…). */
const McpTransportError = z
  .strictObject({
    jsonrpc: z.literal('2.0'),
    id: z.null(),
    error: z.strictObject({ code: z.int(), message: z.string(), data: z.unknown().optional() }),
  })
  .meta({ description: 'A JSON-RPC error from the MCP transport (not the §0 envelope).' });
const McpAnswer = z
  .union([JsonRpcResult, JsonRpcError, z.array(z.union([JsonRpcResult, JsonRpcError]))])
  .meta({
    description:
      'The JSON-RPC answer (JSON, no session id); an array of answers for a batch; 202 with no body when the message holds only notifications. Tool errors are results with `isError` and the §0 envelope.',
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
      response: ToolCallAnswer,
    },
    // The mapped endpoint's errors are the call's.
    errors: 'any',
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
      response: McpAnswer,
      otherAnswers: {
        202: null,
        400: McpTransportError,
        406: McpTransportError,
        413: McpTransportError,
        415: McpTransportError,
      },
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
