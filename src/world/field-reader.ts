// Reads untyped YAML values field by field, collecting every problem with the path where it is
// (`accounts[1].users[0].name: required`) instead of stopping at the first, so one run shows them all.
import { type PolicyKind, parsePolicy } from '../policy/index.js';
import type { PolicyDocument, Tags } from './world-types.js';

export type Fields = Readonly<Record<string, unknown>>;

export interface StringRule {
  readonly required?: boolean;
  readonly pattern?: RegExp;
  /** Says what the pattern means, for the message. */
  readonly expected?: string;
  readonly max?: number;
}

export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export class FieldReader {
  readonly problems: string[] = [];

  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  /** Reports `key` when `seen` already has it (`what` names it in the message), then remembers it. */
  unique(seen: Set<string>, key: string | undefined, path: string, what: string): void {
    if (key === undefined) return;
    if (seen.has(key)) this.problem(path, `${what} '${key}' appears more than once`);
    seen.add(key);
  }

  /** The value as a mapping, reporting keys outside `allowed` (most often typos). */
  object(value: unknown, path: string, allowed: readonly string[]): Fields | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem(path, `must be a mapping, not ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.problem(at(path, key), `unknown field (expected one of: ${allowed.join(', ')})`);
    }
    return value as Fields;
  }

  /** Each item of an optional list; a missing list is an empty one. */
  list<T>(fields: Fields, key: string, path: string, read: (item: unknown, path: string) => T | undefined): T[] {
    const value = fields[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(at(path, key), `must be a list, not ${describe(value)}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      const parsed = read(item, at(at(path, key), i));
      if (parsed !== undefined) out.push(parsed);
    });
    return out;
  }

  string(fields: Fields, key: string, path: string, rule: StringRule = {}): string | undefined {
    return this.stringValue(fields[key], at(path, key), rule);
  }

  stringValue(value: unknown, path: string, rule: StringRule = {}): string | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.problem(path, 'required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(path, `must be a string, not ${describe(value)}`);
      return undefined;
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.problem(path, `must be at most ${rule.max} characters`);
    } else if (rule.pattern && !rule.pattern.test(value)) {
      this.problem(path, `'${value}' is not ${rule.expected ?? `a match for ${rule.pattern}`}`);
    }
    return value;
  }

  /** A 12-digit account id; YAML reads unquoted ids as numbers, which is fine unless digits were lost. */
  accountId(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) {
      this.problem(path, 'required');
      return undefined;
    }
    const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{12}$/.test(text)) {
      this.problem(path, `must be a 12-digit account id in quotes, not ${describe(value)}`);
      return undefined;
    }
    return text;
  }

  integer(fields: Fields, key: string, path: string, min: number, max: number): number | undefined {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(at(path, key), `must be a whole number from ${min} to ${max}, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  tags(fields: Fields, key: string, path: string): Tags {
    const value = fields[key];
    if (value === undefined || value === null) return {};
    const tags = this.object(value, at(path, key), Object.keys(value as object));
    if (tags === undefined) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(tags)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
      else this.problem(at(at(path, key), k), `a tag value must be a string, not ${describe(v)}`);
    }
    return out;
  }

  /**
   * A policy document (a mapping, or JSON text), checked by the policy engine so that a bad document is reported
   * with its place in the file before anything is sent to a server.
   */
  document(value: unknown, path: string, kind: PolicyKind): PolicyDocument | undefined {
    if (value === undefined || value === null) {
      this.problem(path, 'required');
      return undefined;
    }
    let doc = value;
    if (typeof value === 'string') {
      try {
        doc = JSON.parse(value);
      } catch {
        this.problem(path, 'a policy given as text must be JSON');
        return undefined;
      }
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      this.problem(path, `a policy must be a mapping, not ${describe(doc)}`);
      return undefined;
    }
    const { diagnostics } = parsePolicy(doc, kind);
    for (const d of diagnostics) {
      if (d.severity === 'error') this.problem(`${path}${d.path.replace(/^\$\.?/, '.').replace(/\.$/, '')}`, d.message);
    }
    return doc as PolicyDocument;
  }

  /** A mapping of name -> policy document (inline policies). */
  documents(fields: Fields, key: string, path: string, kind: PolicyKind): Record<string, PolicyDocument> {
    const value = fields[key];
    if (value === undefined || value === null) return {};
    const map = this.object(value, at(path, key), Object.keys(value as object));
    const out: Record<string, PolicyDocument> = {};
    for (const [name, doc] of Object.entries(map ?? {})) {
      const where = at(at(path, key), name);
      if (!/^[\w+=,.@-]{1,128}$/.test(name)) this.problem(where, 'a policy name has 1-128 letters, digits or +=,.@_-');
      const read = this.document(doc, where, kind);
      if (read) out[name] = read;
    }
    return out;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return `${typeof value} ${String(value)}`;
}
