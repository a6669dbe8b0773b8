// The request context: condition keys and their values. Key names compare case-insensitively
// (including the tag part of `aws:PrincipalTag/Key`), so keys are stored lower-cased.

export type ContextScalar = string | number | boolean;
export type ContextInput = Readonly<Record<string, ContextScalar | readonly ContextScalar[]>>;

export class ContextEntry {
  /**
   * Request values parsed for typed operators (numbers, dates, IPs, ...), once per request per kind. A key is nearly
   * always compared by one kind of operator, so the first kind has fields of its own and only further kinds a map.
   */
  private firstKind: string | undefined;
  private firstParsed: readonly unknown[] | undefined;
  private otherKinds: Map<string, readonly unknown[]> | undefined;

  constructor(
    /** The key as the request supplied it (for traces). */
    readonly key: string,
    readonly values: readonly string[],
    /** True when the key was supplied as a list (a multivalued key), even with one value. */
    readonly multi: boolean,
  ) {}

  /** The values parsed by `parse`, memoised under `kind` so that many policies parse them once. */
  parsed<T>(kind: string, parse: (text: string) => T): readonly T[] {
    if (this.firstKind === kind) return this.firstParsed as readonly T[];
    if (this.firstKind === undefined) {
      this.firstKind = kind;
      this.firstParsed = this.values.map(parse);
      return this.firstParsed as readonly T[];
    }
    this.otherKinds ??= new Map();
    let out = this.otherKinds.get(kind) as readonly T[] | undefined;
    if (out === undefined) {
      out = this.values.map(parse);
      this.otherKinds.set(kind, out);
    }
    return out;
  }
}

/** Lower-cased key names, kept for the keys every request sends; bounded, as tag keys come from requests. */
const LOWER_KEYS = new Map<string, string>();
const LOWER_KEYS_LIMIT = 2000;

function lowerKey(key: string): string {
  let lower = LOWER_KEYS.get(key);
  if (lower === undefined) {
    lower = key.toLowerCase();
    if (LOWER_KEYS.size < LOWER_KEYS_LIMIT) LOWER_KEYS.set(key, lower);
  }
  return lower;
}

function toText(value: ContextScalar): string {
  return typeof value === 'string' ? value : String(value);
}

export class RequestContext {
  /** Values derived from this context once per request (resolved policy variables), keyed by what derived them. */
  private derived: Map<object, unknown> | undefined;

  private constructor(private readonly entries: ReadonlyMap<string, ContextEntry>) {}

  /** `compute()` once per context for `key`: many policies resolve the same variables against one request. */
  memo<T>(key: object, compute: () => T): T {
    this.derived ??= new Map();
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    this.derived.set(key, value);
    return value;
  }

  /** The keys of `inputs`, a later input's key replacing an earlier one's of the same name. */
  static from(...inputs: (ContextInput | undefined)[]): RequestContext {
    const entries = new Map<string, ContextEntry>();
    for (const input of inputs) {
      if (input === undefined) continue;
      for (const key in input) {
        const raw = input[key]!;
        const entry = Array.isArray(raw)
          ? new ContextEntry(key, raw.map(toText), true)
          : new ContextEntry(key, [toText(raw as ContextScalar)], false);
        entries.set(lowerKey(key), entry);
      }
    }
    return new RequestContext(entries);
  }

  static empty(): RequestContext {
    return new RequestContext(new Map());
  }

  /** A copy where `input` adds keys and replaces same-named ones. */
  with(input: ContextInput): RequestContext {
    const merged = new Map(this.entries);
    for (const [lower, entry] of RequestContext.from(input).entries) merged.set(lower, entry);
    return new RequestContext(merged);
  }

  /** A copy with `defaults` added only where the key is not already present. */
  withDefaults(defaults: ContextInput): RequestContext {
    const merged = new Map(this.entries);
    for (const [lower, entry] of RequestContext.from(defaults).entries)
      if (!merged.has(lower)) merged.set(lower, entry);
    return new RequestContext(merged);
  }

  /** Looks up a key already lower-cased by the caller (compiled policies lower-case once). */
  get(lowerKey: string): ContextEntry | undefined {
    return this.entries.get(lowerKey);
  }

  /** The value of a single-valued key, as a policy variable sees it; multivalued keys have none. */
  single(lowerKey: string): string | undefined {
    const entry = this.entries.get(lowerKey);
    if (entry === undefined || entry.multi || entry.values.length !== 1) return undefined;
    return entry.values[0];
  }

  toJSON(): Record<string, string | readonly string[]> {
    const out: Record<string, string | readonly string[]> = {};
    for (const entry of this.entries.values()) out[entry.key] = entry.multi ? entry.values : entry.values[0]!;
    return out;
  }
}
