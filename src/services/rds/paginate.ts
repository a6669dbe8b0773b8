// RDS list pagination: `MaxRecords` (20 to 100, default 100) per page and an opaque `Marker` for the rest.
import type { Shaped } from '../../protocol/index.js';
import { invalidParameterValue } from './rds-errors.js';

export interface Page<T> {
  readonly items: T[];
  readonly marker: string | undefined;
}

export function paginate<T>(all: readonly T[], input: Shaped): Page<T> {
  const max = typeof input.MaxRecords === 'number' ? input.MaxRecords : 100;
  if (max < 20 || max > 100)
    throw invalidParameterValue(`Invalid value ${max} for MaxRecords. Must be between 20 and 100`);
  const start = typeof input.Marker === 'string' ? offsetOf(input.Marker, all.length) : 0;
  const end = start + max;
  return {
    items: all.slice(start, end),
    marker: end < all.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
  };
}

function offsetOf(marker: string, length: number): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset > length) throw invalidParameterValue(`Invalid marker: ${marker}`);
  return offset;
}
