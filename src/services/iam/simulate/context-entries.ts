// The simulator's ContextEntries as engine condition keys: list types stay lists (multivalued keys), the others
// take their one value.
import type { ContextInput } from '../../../policy/index.js';

interface ContextEntry {
  readonly ContextKeyName?: string;
  readonly ContextKeyValues?: string[];
  readonly ContextKeyType?: string;
}

export function contextOf(entries: unknown): ContextInput {
  const out: Record<string, string | string[]> = {};
  for (const entry of Array.isArray(entries) ? (entries as ContextEntry[]) : []) {
    if (entry.ContextKeyName === undefined) continue;
    const values = entry.ContextKeyValues ?? [];
    if (entry.ContextKeyType?.endsWith('List')) out[entry.ContextKeyName] = values;
    else if (values.length > 0) out[entry.ContextKeyName] = values[0]!;
  }
  return out;
}
