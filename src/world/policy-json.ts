// Policy documents between the world file and the server: the text we send, the text IAM returns (URL-encoded),
// and a comparison that ignores formatting and key order so that an unchanged document is never rewritten.
import type { PolicyDocument } from './world-types.js';

export function documentText(doc: PolicyDocument): string {
  return JSON.stringify(doc);
}

/** A document as a server returns it: IAM URL-encodes documents (RFC 3986), S3 and Organizations do not. */
export function decodeDocument(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(decodeURIComponent(text));
    } catch {
      return undefined;
    }
  }
}

export function sameDocument(wanted: PolicyDocument, current: unknown): boolean {
  return current !== undefined && canonical(wanted) === canonical(current);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
