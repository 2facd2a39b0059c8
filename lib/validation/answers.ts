import { z } from 'zod';

/** Pieces of the API's answer schemas (the views beside each module's routes). */

/** An instant as answered: a UTC ISO string (§0). */
export const instantAnswer = () => z.string().meta({ format: 'date-time' });

/** A page of a list (§0), as `listRecords` and the other lists answer it. */
export const pageOf = (item: z.ZodType, description: string) =>
  z
    .strictObject({
      total: z.int().min(0),
      limit: z.int().min(0),
      skip: z.int().min(0),
      data: z.array(item),
    })
    .meta({ description });
