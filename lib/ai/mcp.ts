import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { AiAssistant } from '@/db/schema';
import { MAX_BODY_BYTES } from '@/lib/http/body';
import type { Ctx } from '@/lib/http/context';
import { toErrorResponse } from '@/lib/http/responses';
import { callTool, describeEnabledTools } from './call-tool';

/**
 * §13 `/api/ai-assistants/:id/mcp`: a Model Context Protocol server over Streamable HTTP,
 * stateless (a new server and transport per request, no session id), so any app process can
 * answer any request. It lists the assistant's enabled tools with the same JSON Schemas as
 * `/tools` and runs them through the same `callTool` as `/tool-calls`; an endpoint's error
 * comes back as a tool result with `isError` and the §0 envelope.
 */

const SERVER_INFO = { name: 'reservations', version: '1.0.0' };

const toolResult = (value: Record<string, unknown>, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
  structuredContent: value,
  ...(isError ? { isError: true } : {}),
});

/** The §0 envelope of an error, from the one place that maps errors (unexpected ones logged). */
async function envelopeOf(error: unknown, requestId: string): Promise<Record<string, unknown>> {
  return (await toErrorResponse(error, requestId).json()) as Record<string, unknown>;
}

/**
 * The SDK's low-level `Server` (its docs keep it for "advanced use cases"): McpServer's
 * registerTool wants zod shapes and writes its own JSON Schema, while these tools must show
 * the same `input_schema` as `/tools`. Tools never change during a (one-request) connection,
 * hence no `listChanged`.
 */
function createServer(ctx: Ctx, assistant: AiAssistant): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false } },
    instructions: assistant.instructions ?? undefined,
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: describeEnabledTools(ctx, assistant).map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.input_schema as { type: 'object' },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    try {
      const result = await callTool(
        ctx,
        assistant,
        request.params.name,
        request.params.arguments ?? {},
      );
      return toolResult(result as Record<string, unknown>);
    } catch (error) {
      return toolResult(await envelopeOf(error, ctx.requestId), true);
    }
  });
  return server;
}

export async function serveMcp(ctx: Ctx, assistant: AiAssistant, req: Request): Promise<Response> {
  const server = createServer(ctx, assistant);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    // In JSON mode the response resolves once every request in the body has been answered.
    return await transport.handleRequest(req);
  } finally {
    await server.close();
  }
}
