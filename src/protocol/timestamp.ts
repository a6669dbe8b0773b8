// Timestamps on the wire: ISO 8601 in XML bodies and query strings, RFC 7231 dates in headers, epoch seconds in JSON.
import type { TimestampFormat } from './model.js';

/**
 * ISO 8601 in UTC. `auto` writes milliseconds only when there are some (IAM answers `2012-05-08T23:34:01Z`,
 * STS `2011-07-15T23:28:33.359Z`); S3 always writes them (`2009-10-12T17:50:30.000Z`).
 */
export function formatIso8601(date: Date, millis: 'auto' | 'always'): string {
  const iso = date.toISOString();
  return millis === 'auto' && date.getUTCMilliseconds() === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/** RFC 7231 IMF-fixdate, e.g. `Wed, 12 Oct 2009 17:50:00 GMT`. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

/** Seconds since the epoch, with a fraction when the date has milliseconds. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

export function formatTimestamp(date: Date, format: TimestampFormat, millis: 'auto' | 'always'): string {
  switch (format) {
    case 'rfc822':
      return formatHttpDate(date);
    case 'unixTimestamp':
      return String(epochSeconds(date));
    default:
      return formatIso8601(date, millis);
  }
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HTTP_DATE = /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/;

/**
 * Reads a timestamp in any format the SDKs send: ISO 8601, RFC 7231 or epoch seconds, whatever the member's
 * declared format (clients disagree on defaults, and AWS accepts them all). Undefined when it is none of these.
 */
export function parseTimestamp(text: string): Date | undefined {
  const trimmed = text.trim();
  let ms: number;
  if (NUMERIC.test(trimmed)) ms = Number(trimmed) * 1000;
  else if (ISO_8601.test(trimmed)) ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed) ? trimmed : `${trimmed}Z`);
  else if (HTTP_DATE.test(trimmed)) ms = Date.parse(trimmed);
  else return undefined;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
