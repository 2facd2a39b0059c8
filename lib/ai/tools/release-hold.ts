import { z } from 'zod';
import { releaseHold } from '@/lib/holds/holds';
import { uuidSchema } from '@/lib/validation/fields';
import { toInputJsonSchema } from '../json-schema';
import { ERROR_RULES, paragraphs, type ToolDefinition } from '../tool';
import { parseArgs } from './parse-args';

/** release_hold → DELETE /api/reservation-holds/:id (§15), the id among the arguments. */
const ArgsSchema = z.strictObject({ id: uuidSchema });

export const releaseHoldTool: ToolDefinition = {
  name: 'release_hold',
  describe: () =>
    paragraphs(
      'Lets a held slot go at once (from hold_slot), when the person does not want it after all, so others can book it. Not needed after create_reservation with the hold: that uses the hold up.',
      'Required: id, the hold’s id. The answer is the released hold.',
      `${ERROR_RULES} 404 means the hold does not exist any more (expired, released or used): nothing to do.`,
    ),
  inputSchema: toInputJsonSchema(ArgsSchema, {
    descriptions: { id: 'The hold to release (the id hold_slot returned).' },
  }),
  run: async (ctx, args) => {
    const { id } = parseArgs(ArgsSchema, args, 'The hold id is invalid.');
    return releaseHold(ctx, id as string);
  },
};
