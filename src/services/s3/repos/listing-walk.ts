// The one listing algorithm S3 uses for objects, versions and multipart uploads: walk entries in key order from a
// cursor, keep those under the prefix, roll keys that contain the delimiter after the prefix into common prefixes, and
// stop after max-keys results (entries and prefixes together), noting whether anything was left.

export interface WalkOptions {
  readonly prefix: string;
  readonly delimiter: string | undefined;
  readonly maxKeys: number;
}

/** Where a page of rows starts: after `key`, or, when `within` is set, after that position among the rows of `key`. */
export interface WalkCursor<C> {
  readonly key: string;
  readonly within: C | undefined;
}

export interface WalkSource<T, C> {
  /** Up to `limit` rows after the cursor with key >= prefix, ordered by key (then by the source's own order). */
  fetch(cursor: WalkCursor<C>, prefix: string, limit: number): readonly T[];
  keyOf(row: T): string;
  /** The cursor just after `row`. */
  after(row: T): WalkCursor<C>;
}

export interface WalkItem<T> {
  readonly row?: T;
  readonly commonPrefix?: string;
}

export interface WalkResult<T> {
  /** Rows and common prefixes in the order they were met. */
  readonly items: readonly WalkItem<T>[];
  readonly truncated: boolean;
}

const BATCH = 1000;
/** Greater, in UTF-8 byte order, than any character that can follow a prefix: seeking past it skips the prefix. */
const PAST_PREFIX = '\u{10FFFF}';

export function walkListing<T, C>(source: WalkSource<T, C>, start: WalkCursor<C>, options: WalkOptions): WalkResult<T> {
  const { prefix, delimiter, maxKeys } = options;
  const items: WalkItem<T>[] = [];
  if (maxKeys <= 0) return { items, truncated: false };
  let cursor = start;
  let lastPrefix: string | undefined;
  for (;;) {
    const rows = source.fetch(cursor, prefix, BATCH);
    if (rows.length === 0) return { items, truncated: false };
    let reseek = false;
    for (const row of rows) {
      const key = source.keyOf(row);
      if (!key.startsWith(prefix)) return { items, truncated: false };
      cursor = source.after(row);
      const commonPrefix = commonPrefixOf(key, prefix, delimiter);
      if (commonPrefix === undefined) {
        if (items.length >= maxKeys) return { items, truncated: true };
        items.push({ row });
        continue;
      }
      if (commonPrefix === lastPrefix) continue;
      // A marker inside (or equal to) a rolled-up group means that group was already listed.
      if (!utf8Greater(commonPrefix, start.key)) {
        lastPrefix = commonPrefix;
      } else {
        if (items.length >= maxKeys) return { items, truncated: true };
        items.push({ commonPrefix });
        lastPrefix = commonPrefix;
      }
      cursor = { key: commonPrefix + PAST_PREFIX, within: undefined };
      reseek = true;
      break;
    }
    if (!reseek && rows.length < BATCH) return { items, truncated: false };
  }
}

function utf8Greater(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0;
}

function commonPrefixOf(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at === -1 ? undefined : key.slice(0, at + delimiter.length);
}
