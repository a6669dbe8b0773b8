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

type RawValue = ContextScalar | readonly ContextScalar[];
type Dictionary<T> = Record<string, T | undefined>;

// Objects without a prototype chain, so that keys like `constructor` or `__proto__` are ordinary keys; faster
// to fill and read than a Map for the twenty-odd keys of a request, which arrive in the same order every time.
function NoPrototype(): void {}
NoPrototype.prototype = Object.create(null);
const dictionary = <T>(): Dictionary<T> => new (NoPrototype as unknown as new () => Dictionary<T>)();

function entryOf(raw: RawValue): ContextEntry {
  if (!Array.isArray(raw)) return new ContextEntry([toText(raw as ContextScalar)], false);
  const list = raw as readonly ContextScalar[];
  return new ContextEntry(
    list.every((v) => typeof v === 'string') ? (list as readonly string[]) : list.map(toText),
    true,
  );
}

export class RequestContext {
  /** Values derived from this context once per request (resolved policy variables), keyed by what derived them. */
  private derived: Map<object, unknown> | undefined;
  /** Entries are made on first lookup: a request carries many keys and its policies ask about few. */
  private entries: Dictionary<ContextEntry> | undefined;

  private constructor(
    /** The inputs as supplied, earlier ones overridden by later ones (for traces). */
    private readonly inputs: readonly ContextInput[],
    /** The winning raw value of every key, by lower-cased key name. */
    private readonly raw: Dictionary<RawValue>,
  ) {}

  /** `compute()` once per context for `key`: many policies resolve the same variables against one request. */
  memo<T>(key: object, compute: () => T): T {
    this.derived ??= new Map();
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    this.derived.set(key, value);
    return value;
  }

  /**
   * The keys of `inputs`, a later input's key replacing an earlier one's of the same name. The inputs are kept
   * for traces, so they must not change afterwards.
   */
  static from(...inputs: (ContextInput | undefined)[]): RequestContext {
    const present: ContextInput[] = [];
    const raw = dictionary<RawValue>();
    for (const input of inputs) {
      if (input === undefined) continue;
      present.push(input);
      for (const key in input) {
        // An undefined value (a typed record's optional key) is an absent key, not a value.
        const value = input[key];
        if (value !== undefined) raw[lowerKey(key)] = value;
      }
    }
    return new RequestContext(present, raw);
  }

  static empty(): RequestContext {
    return RequestContext.from();
  }

  /** A copy where `input` adds keys and replaces same-named ones. */
  with(input: ContextInput): RequestContext {
    return RequestContext.from(...this.inputs, input);
  }

  /** A copy with `defaults` added only where the key is not already present. */
  withDefaults(defaults: ContextInput): RequestContext {
    return RequestContext.from(defaults, ...this.inputs);
  }

  /** Looks up a key already lower-cased by the caller (compiled policies lower-case once). */
  get(lowerKey: string): ContextEntry | undefined {
    let entry = this.entries?.[lowerKey];
    if (entry !== undefined) return entry;
    const raw = this.raw[lowerKey];
    if (raw === undefined) return undefined;
    entry = entryOf(raw);
    this.entries ??= dictionary<ContextEntry>();
    this.entries[lowerKey] = entry;
    return entry;
  }

  /** The value of a single-valued key, as a policy variable sees it; multivalued keys have none. */
  single(lowerKey: string): string | undefined {
    const raw = this.raw[lowerKey];
    return raw === undefined || Array.isArray(raw) ? undefined : toText(raw as ContextScalar);
  }

  toJSON(): Record<string, string | readonly string[]> {
    // The winning key name for each lower-cased key, then the values in the order the inputs supplied them.
    const names = dictionary<string>();
    for (const input of this.inputs) for (const key in input) if (input[key] !== undefined) names[lowerKey(key)] = key;
    const out: Record<string, string | readonly string[]> = {};
    for (const lower in names) {
      const raw = this.raw[lower]!;
      out[names[lower]!] = Array.isArray(raw)
        ? (raw as readonly ContextScalar[]).map(toText)
        : toText(raw as ContextScalar);
    }
    return out;
  }
}
