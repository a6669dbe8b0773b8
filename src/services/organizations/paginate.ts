// NextToken/MaxResults paging over a list the handler has already built. Tokens are opaque to clients, bound to
// the operation and its arguments, and refused (INVALID_NEXT_TOKEN) when they come from anywhere else.
import type { Shaped } from '../../protocol/index.js';
import { invalidInput } from './org-errors.js';

/** What AWS returns when MaxResults is absent, and the model's maximum. */
const DEFAULT_PAGE_SIZE = 20;

export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/** `scope` names the listing (operation and arguments) a token belongs to. */
export function paginate<T>(items: readonly T[], input: Shaped, scope: string): Page<T> {
  const size = typeof input.MaxResults === 'number' ? input.MaxResults : DEFAULT_PAGE_SIZE;
  const start = typeof input.NextToken === 'string' ? readToken(input.NextToken, scope) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextToken: end < items.length ? writeToken(end, scope) : undefined };
}

function writeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

function readToken(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isSafeInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // not ours: refused below
  }
  throw invalidInput('INVALID_NEXT_TOKEN');
}
