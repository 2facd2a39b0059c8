/** Structured JSON logs on stdout/stderr; LOG_LEVEL=silent quiets them (tests). */
const silent = () => process.env.LOG_LEVEL === 'silent';

export function logRequest(fields: {
  method: string;
  route: string;
  status: number;
  duration_ms: number;
  request_id: string;
}) {
  if (silent()) return;
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: 'request', time: new Date().toISOString(), ...fields }) +
      '\n',
  );
}

export function logError(msg: string, error: unknown, requestId?: string) {
  if (silent() && !process.env.LOG_ERRORS) return;
  const err =
    error instanceof Error
      ? {
          name: error.name,
          message: error.message,
          stack: error.stack,
          cause: error.cause instanceof Error ? error.cause.message : undefined,
        }
      : { value: String(error) };
  process.stderr.write(
    JSON.stringify({
      level: 'error',
      msg,
      time: new Date().toISOString(),
      request_id: requestId,
      error: err,
    }) + '\n',
  );
}
