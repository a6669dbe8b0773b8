// Parsing of condition values for the typed operator families (numbers, dates, booleans, binary).

/** A decimal or integer; NaN when the text is not a number (such a value never matches). */
export function parseNumber(text: string): number {
  return /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A date in the W3C/ISO 8601 forms AWS accepts (`2020-01-01`, `2020-01-01T00:00:00Z`, with fractions or
 * offsets) or epoch seconds; milliseconds since the epoch, NaN when unreadable.
 */
const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function parseDate(text: string): number {
  // aws:CurrentTime always has this form; Date.parse reads it directly.
  if (text.length === 20 && CANONICAL_DATE.test(text)) return Date.parse(text);
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(trimmed)) return Number.NaN;
  const withZone = /T/i.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? `${trimmed}Z` : trimmed;
  return Date.parse(withZone);
}

export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export function parseBase64(text: string): Buffer | undefined {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
}
