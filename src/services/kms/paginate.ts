// KMS list pagination: `Limit` items per page, `Truncated` and an opaque `NextMarker` for the rest.
import type { Shaped } from '../../protocol/index.js';
import { invalidMarker } from './kms-errors.js';

export interface Page<T> {
  readonly items: T[];
  readonly truncated: boolean;
  readonly nextMarker: string | undefined;
}

export function paginate<T>(all: readonly T[], input: Shaped, defaultLimit: number): Page<T> {
  const limit = typeof input.Limit === 'number' ? input.Limit : defaultLimit;
  const start = input.Marker === undefined ? 0 : offsetOf(String(input.Marker), all.length);
  const end = start + limit;
  const truncated = end < all.length;
  return {
    items: all.slice(start, end),
    truncated,
    nextMarker: truncated ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
  };
}

function offsetOf(marker: string, length: number): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset > length) throw invalidMarker();
  return offset;
}
