// Request timestamps: the ISO 8601 basic format SigV4 signs (`20130524T000000Z`) and the HTTP Date
// header some clients send instead of X-Amz-Date.

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

// Requests of the same second (and every replay of a presigned URL) carry the same date: the last one
// parsed and formatted is kept, which spares two regular expressions and a Date per request.
let lastParsedText = '';
let lastParsedMs: number | undefined;
let lastFormattedMs = Number.NaN;
let lastFormattedText = '';

/** Milliseconds since the epoch, or undefined when `text` is not a real instant in basic format. */
export function parseAmzDate(text: string): number | undefined {
  if (text === lastParsedText) return lastParsedMs;
  const ms = parseBasic(text);
  lastParsedText = text;
  lastParsedMs = ms;
  return ms;
}

function parseBasic(text: string): number | undefined {
  const match = BASIC.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as [number, ...number[]];
  const ms = Date.UTC(year!, month! - 1, day, hour, minute, second);
  // Date.UTC rolls 20130230 over to March; a round trip rejects such dates.
  return formatAmzDate(ms) === text ? ms : undefined;
}

export function formatAmzDate(ms: number): string {
  if (ms === lastFormattedMs) return lastFormattedText;
  const text = new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  lastFormattedMs = ms;
  lastFormattedText = text;
  return text;
}

/** An HTTP-date (`Fri, 24 May 2013 00:00:00 GMT`) or a basic-format date in the Date header. */
export function parseDateHeader(text: string): number | undefined {
  const basic = parseAmzDate(text);
  if (basic !== undefined) return basic;
  if (!/GMT$|UTC$|[+-]0000$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
