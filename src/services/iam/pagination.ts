// IAM's Marker/MaxItems/IsTruncated pagination over a list already in its final order. The marker is opaque to
// clients: it names the list it belongs to and the sort key of the next item, so a page boundary survives items
// being added or removed between calls, and a marker from another list is refused.
import type { Shaped } from '../../protocol/index.js';
import { validationError } from './errors.js';

const DEFAULT_MAX_ITEMS = 100;

export interface Page<T> {
  readonly items: T[];
  /** Spread into the output: `IsTruncated`, and `Marker` when there is a next page. */
  readonly meta: { readonly IsTruncated: boolean; readonly Marker?: string };
}

/**
 * One page of `items`. `key(item, index)` must increase along the list (names compared as the list is sorted,
 * or a padded index for lists kept in insertion order); `scope` names the list (operation and owner).
 */
export function paginate<T>(
  items: readonly T[],
  input: Shaped,
  scope: string,
  key: (item: T, index: number) => string,
): Page<T> {
  const maxItems = typeof input.MaxItems === 'number' ? input.MaxItems : DEFAULT_MAX_ITEMS;
  const start = typeof input.Marker === 'string' ? resumeAt(items, input.Marker, scope, key) : 0;
  const end = Math.min(items.length, start + maxItems);
  const page = items.slice(start, end);
  if (end >= items.length) return { items: page, meta: { IsTruncated: false } };
  return { items: page, meta: { IsTruncated: true, Marker: encodeMarker(scope, key(items[end]!, end)) } };
}

/** Sort key for names listed as IAM lists them: ignoring case, ties broken by the exact name. */
export function nameKey(name: string): string {
  return `${name.toLowerCase()}\u0000${name}`;
}

export function indexKey(_item: unknown, index: number): string {
  return String(index).padStart(10, '0');
}

function resumeAt<T>(
  items: readonly T[],
  marker: string,
  scope: string,
  key: (item: T, index: number) => string,
): number {
  const next = decodeMarker(marker, scope);
  const at = items.findIndex((item, index) => key(item, index) >= next);
  return at === -1 ? items.length : at;
}

function encodeMarker(scope: string, next: string): string {
  return Buffer.from(JSON.stringify([scope, next])).toString('base64url');
}

function decodeMarker(marker: string, scope: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === scope && typeof value[1] === 'string') return value[1];
  } catch {
    // Falls through to the error below: a marker that is not ours is invalid, whatever it contains.
  }
  throw validationError('Invalid Marker.');
}
