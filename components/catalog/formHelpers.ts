import type * as z4 from 'zod/v4/core';

/** Input → value converters for register(..., { setValueAs }) and friendlier zod messages. */

/** A number input's text → an integer, or undefined when empty (the schema says "Required."). */
export function toInt(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === '' || value === null || value === undefined) return undefined;
  return Number(value);
}

/** A number input's text → an integer, or null when empty (a nullable field: "none"). */
export function toIntOrNull(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value === '' || value === null || value === undefined) return null;
  return Number(value);
}

/** A text input → trimmed text, or null when empty (clears a nullable field). */
export function toTextOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return (value as string | null) ?? null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A text input → trimmed text, or undefined when empty (omits an optional field). */
export function toTextOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string') return (value as string | undefined) ?? undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Per-parse zod messages in plain words, for the shared API schemas used as form resolvers
 * (messages a schema sets itself, such as "Required.", still win).
 */
export const friendlyMessages: { error: z4.$ZodErrorMap } = {
  error: (issue) => {
    const isNumber = issue.origin === 'number' || issue.origin === 'int';
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null || issue.input === '')
          return 'Required.';
        if (issue.expected === 'int' || issue.expected === 'number') return 'Enter a whole number.';
        return undefined;
      case 'too_small':
        if (isNumber) return `Must be at least ${String(issue.minimum)}.`;
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Required.';
        return undefined;
      case 'too_big':
        if (isNumber) return `Must be at most ${String(issue.maximum)}.`;
        if (issue.origin === 'string') return `At most ${String(issue.maximum)} characters.`;
        return undefined;
      default:
        return undefined;
    }
  },
};
