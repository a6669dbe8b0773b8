// Structured logs: one JSON line per event, never secrets. The server gets a logger through its dependencies.
export interface Logger {
  info(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, error() {} };

export function streamLogger(out: NodeJS.WritableStream, options: { requests: boolean }): Logger {
  const write = (level: string, fields: Record<string, unknown>) =>
    out.write(`${JSON.stringify({ time: new Date().toISOString(), level, ...fields })}\n`);
  return {
    info: (fields) => {
      if (options.requests) write('info', fields);
    },
    error: (fields) => write('error', fields),
  };
}
