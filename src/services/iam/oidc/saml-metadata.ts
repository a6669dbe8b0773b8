// What IAM reads from a SAML metadata document: that it is one, and until when it is valid.
import { invalidInput } from '../errors.js';

/** When the metadata names no validUntil, the provider stays valid for a century. */
const DEFAULT_VALIDITY_MS = 100 * 365.25 * 24 * 3600 * 1000;

/** The `validUntil` of the document's EntityDescriptor in ms, or `now` plus a century; InvalidInput when unreadable. */
export function samlMetadataValidUntil(metadata: string, now: number): number {
  const descriptor = /<(?:[\w-]+:)?EntityDescriptor\b([^>]*)>/.exec(metadata);
  if (descriptor === null) throw invalidInput('Could not parse metadata');
  const validUntil = /\svalidUntil\s*=\s*["']([^"']+)["']/.exec(descriptor[1]!)?.[1];
  if (validUntil === undefined) return now + DEFAULT_VALIDITY_MS;
  const time = Date.parse(validUntil);
  if (Number.isNaN(time)) throw invalidInput('Could not parse metadata');
  return time;
}
