import type { ToolName } from '@/lib/ai/schemas';

/** §13 records as the assistants editor reads them. */

export interface Assistant {
  id: string;
  name: string;
  instructions: string | null;
  internal_tools: { tools: ToolName[] };
  created_at: string;
  updated_at: string;
}

/** One entry of `GET /api/ai-assistants/:id/tools` (and of the catalog the pages pass in). */
export interface ToolInfo {
  name: ToolName;
  description: string;
  input_schema: Record<string, unknown>;
}
