import { AppError, validationError } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new AppError('payload_too_large', 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);

/**
 * Reads a JSON object body, refusing more than 1 MiB without buffering it all (§0: 413),
 * malformed JSON and non-object bodies (400). An empty body reads as `{}`.
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCapped(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

async function readCapped(req: Request): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(Buffer.concat(chunks));
  } catch {
    throw validationError('The request body is not valid UTF-8.');
  }
}
