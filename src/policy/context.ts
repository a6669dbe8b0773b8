// The request context: condition keys and their values. Key names compare case-insensitively
// (including the tag part of `aws:PrincipalTag/Key`), so keys are stored lower-cased.

export type ContextScalar = string | number | boolean;
export type ContextInput = Readonly<Record<string, ContextScalar | readonly ContextScalar[]>>;

export interface ContextEntry {
  /** The key as the request supplied it (for traces). */
  readonly key: string;
  readonly values: readonly string[];
  /** True when the key was supplied as a list (a multivalued key), even with one value. */
  readonly multi: boolean;
}

function toText(value: ContextScalar): string {
  return typeof value === 'string' ? value : String(value);
}

export class RequestContext {
  private constructor(private readonly entries: ReadonlyMap<string, ContextEntry>) {}

  static from(input: ContextInput): RequestContext {
    const entries = new Map<string, ContextEntry>();
    for (const key of Object.keys(input)) {
      const raw = input[key]!;
      const entry: ContextEntry = Array.isArray(raw)
        ? { key, values: raw.map(toText), multi: true }
        : { key, values: [toText(raw as ContextScalar)], multi: false };
      entries.set(key.toLowerCase(), entry);
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
