// The registry of condition operators. An operator is resolved when a policy is parsed (an unknown one is a
// parse error) and its policy values are compiled once into a matcher that tests one request value.

import type { ContextEntry, RequestContext } from '../context.js';
import { ArnValue, arnPatternResolves, compileArnPattern, matchArnPattern } from '../match/arn-pattern.js';
import { type Glob, internGlob, lowerGlob, matchGlob } from '../match/glob.js';
import { parseTemplate, resolveTemplate, type Template } from '../match/template.js';
import { cidrContains, parseCidr, parseIp } from './ip-address.js';
import { parseBase64, parseBool, parseDate, parseNumber } from './values.js';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/**
 * Tests one request value (`entry.values[index]`) against all the policy values of a clause (true when any
 * matches). Typed operators read the value through `entry.parsed`, so each request parses it once.
 */
export interface ValueMatcher {
  test(entry: ContextEntry, index: number, context: RequestContext): boolean;
  /** The policy values as compared for this request (variables resolved), for traces. */
  resolved(context: RequestContext): readonly string[];
  /** Whether every policy variable in the values has a value in this request. */
  resolves(context: RequestContext): boolean;
}

export interface OperatorSpec {
  readonly name: string;
  readonly family: OperatorFamily;
  /** Negated operators (`StringNotEquals`, `NotIpAddress`, ...) are true when the value matches none. */
  readonly negated: boolean;
  /** Whether `${...}` in values is a policy variable (String, Arn and Bool families). */
  readonly variables: boolean;
  /** Returns a message when a policy value can never be valid for this operator. */
  check(value: string): string | undefined;
  compile(values: readonly string[], variables: boolean): ValueMatcher;
}

type Comparison = (request: number, policy: number) => boolean;

const valid = (): undefined => undefined;
/** Values of operators without policy variables always resolve. */
const noVariables = (): boolean => true;
const toLower = (text: string): string => text.toLowerCase();
const toArnValue = (text: string): ArnValue => new ArnValue(text);

function templateMatcher(
  values: readonly string[],
  variables: boolean,
  wildcards: boolean,
  ignoreCase: boolean,
): ValueMatcher {
  const templates = values.map((v) => parseTemplate(v, variables, wildcards));
  const globFor = (t: Template, context: RequestContext): Glob | undefined => {
    const glob = resolveTemplate(t, context);
    return glob !== undefined && ignoreCase ? lowerGlob(glob) : glob;
  };
  const fixed = templates.every((t) => t.fixed !== undefined)
    ? templates.map((t) => (ignoreCase ? internGlob(lowerGlob(t.fixed!)) : t.fixed!))
    : undefined;
  const fixedTexts = fixed === undefined ? undefined : templates.map((t) => t.fixed!.text);
  return {
    test(entry, index, context) {
      const value = ignoreCase ? entry.parsed('lower', toLower)[index]! : entry.values[index]!;
      if (fixed !== undefined) {
        for (const glob of fixed) if (matchGlob(glob, value)) return true;
        return false;
      }
      for (const t of templates) {
        const glob = globFor(t, context);
        if (glob !== undefined && matchGlob(glob, value)) return true;
      }
      return false;
    },
    resolved(context) {
      if (fixedTexts !== undefined) return fixedTexts;
      const out: string[] = [];
      for (const t of templates) {
        const glob = resolveTemplate(t, context);
        if (glob !== undefined) out.push(glob.text);
      }
      return out;
    },
    resolves: (context) => fixed !== undefined || templates.every((t) => resolveTemplate(t, context) !== undefined),
  };
}

function numericMatcher(
  values: readonly string[],
  kind: string,
  parse: (t: string) => number,
  cmp: Comparison,
): ValueMatcher {
  const parsed = values.map(parse);
  return {
    test(entry, index) {
      const r = entry.parsed(kind, parse)[index]!;
      if (Number.isNaN(r)) return false;
      for (const p of parsed) if (!Number.isNaN(p) && cmp(r, p)) return true;
      return false;
    },
    resolved: () => values,
    resolves: noVariables,
  };
}

function stringOperator(name: string, negated: boolean, wildcards: boolean, ignoreCase: boolean): OperatorSpec {
  return {
    name,
    family: 'String',
    negated,
    variables: true,
    check: valid,
    compile: (values, variables) => templateMatcher(values, variables, wildcards, ignoreCase),
  };
}

function numericOperator(name: string, negated: boolean, cmp: Comparison): OperatorSpec {
  return {
    name,
    family: 'Numeric',
    negated,
    variables: false,
    check: (v) => (Number.isNaN(parseNumber(v)) ? `'${v}' is not a number` : undefined),
    compile: (values) => numericMatcher(values, 'number', parseNumber, cmp),
  };
}

function dateOperator(name: string, negated: boolean, cmp: Comparison): OperatorSpec {
  return {
    name,
    family: 'Date',
    negated,
    variables: false,
    check: (v) => (Number.isNaN(parseDate(v)) ? `'${v}' is not a date` : undefined),
    compile: (values) => numericMatcher(values, 'date', parseDate, cmp),
  };
}

function ipOperator(name: string, negated: boolean): OperatorSpec {
  return {
    name,
    family: 'IpAddress',
    negated,
    variables: false,
    check: (v) => (parseCidr(v) === undefined ? `'${v}' is not an IP address or CIDR block` : undefined),
    compile(values) {
      const blocks = values.flatMap((v) => parseCidr(v) ?? []);
      return {
        test(entry, index) {
          const address = entry.parsed('ip', parseIp)[index];
          return address !== undefined && blocks.some((b) => cidrContains(b, address));
        },
        resolved: () => values,
        resolves: noVariables,
      };
    },
  };
}

function arnOperator(name: string, negated: boolean): OperatorSpec {
  return {
    name,
    family: 'Arn',
    negated,
    variables: true,
    check: valid,
    compile(values, variables) {
      const patterns = values.map((v) => compileArnPattern(v, variables));
      return {
        test(entry, index, context) {
          const value = entry.parsed('arn', toArnValue)[index]!;
          return patterns.some((p) => matchArnPattern(p, value, context));
        },
        resolved: () => values,
        resolves: (context) => patterns.every((p) => arnPatternResolves(p, context)),
      };
    },
  };
}

// Policy variables are for the String and ARN operators only (IAM UG, policy variables: "You can't use a policy
// variable with other operators, such as Numeric, Date, Boolean, ..."): a Bool value is compared as written.
const boolOperator: OperatorSpec = {
  name: 'Bool',
  family: 'Bool',
  negated: false,
  variables: false,
  check: (v) => (parseBool(v) === undefined ? `'${v}' is not true or false` : undefined),
  compile: (values) => templateMatcher(values, false, false, true),
};

const binaryOperator: OperatorSpec = {
  name: 'BinaryEquals',
  family: 'Binary',
  negated: false,
  variables: false,
  check: (v) => (parseBase64(v) === undefined ? `'${v}' is not base64` : undefined),
  compile(values) {
    const decoded = values.flatMap((v) => parseBase64(v) ?? []);
    return {
      test(entry, index) {
        const bytes = entry.parsed('base64', parseBase64)[index];
        return bytes !== undefined && decoded.some((d) => d.equals(bytes));
      },
      resolved: () => values,
      resolves: noVariables,
    };
  },
};

const nullOperator: OperatorSpec = {
  name: 'Null',
  family: 'Null',
  negated: false,
  variables: false,
  check: (v) => (parseBool(v) === undefined ? `'${v}' is not true or false` : undefined),
  compile: (values) => ({ test: () => false, resolved: () => values, resolves: noVariables }),
};

// Negated operators reuse the positive comparison: the clause evaluator applies the negation.
const eq: Comparison = (r, p) => r === p;
const lt: Comparison = (r, p) => r < p;
const le: Comparison = (r, p) => r <= p;
const gt: Comparison = (r, p) => r > p;
const ge: Comparison = (r, p) => r >= p;

const ALL: readonly OperatorSpec[] = [
  stringOperator('StringEquals', false, false, false),
  stringOperator('StringNotEquals', true, false, false),
  stringOperator('StringEqualsIgnoreCase', false, false, true),
  stringOperator('StringNotEqualsIgnoreCase', true, false, true),
  stringOperator('StringLike', false, true, false),
  stringOperator('StringNotLike', true, true, false),
  numericOperator('NumericEquals', false, eq),
  numericOperator('NumericNotEquals', true, eq),
  numericOperator('NumericLessThan', false, lt),
  numericOperator('NumericLessThanEquals', false, le),
  numericOperator('NumericGreaterThan', false, gt),
  numericOperator('NumericGreaterThanEquals', false, ge),
  dateOperator('DateEquals', false, eq),
  dateOperator('DateNotEquals', true, eq),
  dateOperator('DateLessThan', false, lt),
  dateOperator('DateLessThanEquals', false, le),
  dateOperator('DateGreaterThan', false, gt),
  dateOperator('DateGreaterThanEquals', false, ge),
  boolOperator,
  binaryOperator,
  ipOperator('IpAddress', false),
  ipOperator('NotIpAddress', true),
  arnOperator('ArnEquals', false),
  arnOperator('ArnLike', false),
  arnOperator('ArnNotEquals', true),
  arnOperator('ArnNotLike', true),
  nullOperator,
];

const BY_NAME: ReadonlyMap<string, OperatorSpec> = new Map(ALL.map((op) => [op.name.toLowerCase(), op]));

export interface ResolvedOperator {
  readonly spec: OperatorSpec;
  readonly qualifier: 'ForAllValues' | 'ForAnyValue' | undefined;
  readonly ifExists: boolean;
}

/** Reads `[ForAllValues:|ForAnyValue:]Name[IfExists]`; undefined for an unknown operator. */
export function resolveOperator(text: string): ResolvedOperator | undefined {
  let rest = text;
  let qualifier: ResolvedOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const spec = BY_NAME.get(rest.toLowerCase());
  if (spec === undefined || (ifExists && spec.family === 'Null')) return undefined;
  return { spec, qualifier, ifExists };
}

export const OPERATOR_NAMES: readonly string[] = ALL.map((op) => op.name);
