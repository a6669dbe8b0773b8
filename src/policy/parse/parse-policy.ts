// Turns a policy document (JSON text or an already-parsed value) into the typed AST, checking the
// grammar and the rules of its policy type. Never throws: every problem is a diagnostic with a JSON path.

import { compileActionPattern, matchActionPattern } from '../match/action-pattern.js';
import type { Diagnostic, PolicyDocument, PolicyKind, PolicyVersion, PrincipalElement, Statement } from '../types.js';
import { DiagnosticList } from './diagnostics.js';
import { type JsonValue, readJson } from './json-reader.js';
import { KIND_RULES, type KindRules } from './kind-rules.js';
import {
  checkActions,
  checkResources,
  isObject,
  readConditions,
  readPrincipal,
  readStringList,
} from './parse-elements.js';

export interface ParseResult {
  /** The document, or `undefined` when there are errors. */
  readonly document: PolicyDocument | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ParseOptions {
  /**
   * False skips the kind's size limit, for documents whose size the owning service checks itself (IAM's aggregate
   * inline limits, AWS managed policies larger than a customer may write).
   */
  readonly sizeLimit?: boolean;
}

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

export function parsePolicy(input: string | unknown, kind: PolicyKind, options: ParseOptions = {}): ParseResult {
  const diagnostics = new DiagnosticList();
  const rules = KIND_RULES[kind];
  const sizeLimit = options.sizeLimit !== false;
  let value: JsonValue | undefined;
  if (typeof input === 'string') {
    value = readText(input, rules, sizeLimit, diagnostics);
  } else {
    const text = safeStringify(input);
    if (text === undefined) diagnostics.error('SyntaxError', '$', 'Syntax errors in policy.');
    else value = readText(text, rules, sizeLimit, diagnostics);
  }
  if (value === undefined) return { document: undefined, diagnostics: diagnostics.items };
  const document = readDocument(value, rules, diagnostics);
  return { document: diagnostics.hasErrors ? undefined : document, diagnostics: diagnostics.items };
}

function safeStringify(input: unknown): string | undefined {
  try {
    return JSON.stringify(input) ?? undefined;
  } catch {
    return undefined;
  }
}

function readText(
  text: string,
  rules: KindRules,
  sizeLimit: boolean,
  diagnostics: DiagnosticList,
): JsonValue | undefined {
  if (rules.firstByteBrace && !text.startsWith('{')) {
    diagnostics.error('SyntaxError', '$', "Policies must be valid JSON and the first byte must be '{'");
    return undefined;
  }
  if (sizeLimit) checkSize(text, rules, diagnostics);
  if (rules.iamSyntax && /[^\t\n\r\u0020-\u00ff]/.test(text)) {
    diagnostics.error(
      'InvalidCharacters',
      '$',
      'Syntax errors in policy: characters outside U+0009, U+000A, U+000D and U+0020-U+00FF.',
    );
  }
  const read = readJson(text);
  if (read.syntaxError !== undefined) {
    diagnostics.error(
      'SyntaxError',
      '$',
      rules.firstByteBrace ? "Policies must be valid JSON and the first byte must be '{'" : 'Syntax errors in policy.',
    );
    return undefined;
  }
  for (const path of read.duplicateKeys)
    diagnostics.error('DuplicateKey', path, 'Syntax errors in policy: duplicate key.');
  return read.value;
}

/** Size as AWS counts it for the policy type: characters or bytes, with or without whitespace outside strings. */
export function policySize(text: string, rules: KindRules): number {
  const counted = rules.countsWhitespace ? text : stripInsignificantWhitespace(text);
  return rules.countsBytes ? Buffer.byteLength(counted, 'utf8') : counted.length;
}

function stripInsignificantWhitespace(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      out += c;
    }
  }
  return out;
}

function checkSize(text: string, rules: KindRules, diagnostics: DiagnosticList): void {
  if (rules.maxSize === undefined) return;
  const size = policySize(text, rules);
  if (size > rules.maxSize) {
    diagnostics.error(
      'PolicyTooLarge',
      '$',
      `Policy document is ${size} ${rules.countsBytes ? 'bytes' : 'characters'}, over the limit of ${rules.maxSize}.`,
    );
  }
}

function readDocument(value: JsonValue, rules: KindRules, diagnostics: DiagnosticList): PolicyDocument {
  if (!isObject(value)) {
    diagnostics.error('SyntaxError', '$', 'Syntax errors in policy.');
    return { version: undefined, id: undefined, statements: [] };
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key))
      diagnostics.error('UnknownField', `$.${key}`, `Syntax errors in policy: unknown field ${key}.`);
  }
  const version = readVersion(value.Version, rules, diagnostics);
  const id = value.Id;
  if (id !== undefined && typeof id !== 'string')
    diagnostics.error('InvalidId', '$.Id', 'Syntax errors in policy: Id must be a string.');
  const raw = value.Statement;
  if (raw === undefined) {
    diagnostics.error('MissingStatement', '$', 'Missing required field Statement');
    return { version, id: undefined, statements: [] };
  }
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) diagnostics.error('MissingStatement', '$.Statement', 'Missing required field Statement');
  const statements: Statement[] = [];
  items.forEach((item, index) => {
    const path = Array.isArray(raw) ? `$.Statement[${index}]` : '$.Statement';
    const statement = readStatement(item, path, index, rules, diagnostics);
    if (statement !== undefined) statements.push(statement);
  });
  checkSids(statements, rules, diagnostics);
  return { version, id: typeof id === 'string' ? id : undefined, statements };
}

function readVersion(
  raw: JsonValue | undefined,
  rules: KindRules,
  diagnostics: DiagnosticList,
): PolicyVersion | undefined {
  if (raw === '2012-10-17' || raw === '2008-10-17') {
    if (raw === '2008-10-17' && rules.requiresCurrentVersion) {
      diagnostics.error('InvalidVersion', '$.Version', 'The policy must use "Version": "2012-10-17".');
    }
    return raw;
  }
  if (raw === undefined) {
    if (rules.requiresCurrentVersion)
      diagnostics.error('InvalidVersion', '$', 'The policy must use "Version": "2012-10-17".');
    return undefined;
  }
  diagnostics.error('InvalidVersion', '$.Version', 'The policy failed legacy parsing');
  return undefined;
}

function checkSids(statements: readonly Statement[], rules: KindRules, diagnostics: DiagnosticList): void {
  const seen = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined) continue;
    if (seen.has(s.sid) && rules.iamSyntax) {
      diagnostics.error(
        'DuplicateSid',
        `$.Statement[${s.index}].Sid`,
        'Statement IDs (SID) in a single policy must be unique.',
      );
    }
    seen.add(s.sid);
  }
}

function readStatement(
  raw: JsonValue,
  path: string,
  index: number,
  rules: KindRules,
  diagnostics: DiagnosticList,
): Statement | undefined {
  if (!isObject(raw)) {
    diagnostics.error('SyntaxError', path, 'Syntax errors in policy: a statement must be an object.');
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(key))
      diagnostics.error('UnknownField', `${path}.${key}`, `Syntax errors in policy: unknown field ${key}.`);
  }
  const sid = readSid(raw.Sid, `${path}.Sid`, rules, diagnostics);
  const effect = raw.Effect;
  if (effect === undefined) diagnostics.error('MissingEffect', path, 'Missing required field Effect');
  else if (effect !== 'Allow' && effect !== 'Deny') {
    diagnostics.error(
      'InvalidEffect',
      `${path}.Effect`,
      `Invalid effect: ${JSON.stringify(effect)}; expected "Allow" or "Deny".`,
    );
  } else if (rules.denyOnly && effect === 'Allow') {
    diagnostics.error(
      'InvalidEffect',
      `${path}.Effect`,
      'Resource control policies can only deny: Effect must be "Deny".',
    );
  }
  const principals = readPrincipals(raw, path, effect, rules, diagnostics);
  const actions = readActions(raw, path, rules, diagnostics);
  const resources = readResources(raw, path, rules, diagnostics);
  const conditions = raw.Condition === undefined ? [] : readConditions(raw.Condition, `${path}.Condition`, diagnostics);
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  return { index, sid, effect, ...principals, ...actions, ...resources, conditions };
}

function readSid(
  raw: JsonValue | undefined,
  path: string,
  rules: KindRules,
  diagnostics: DiagnosticList,
): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    diagnostics.error('InvalidSid', path, 'Syntax errors in policy: Sid must be a string.');
    return undefined;
  }
  if (rules.iamSyntax && !/^[0-9A-Za-z]*$/.test(raw)) {
    diagnostics.error(
      'InvalidSid',
      path,
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
  }
  return raw;
}

function readPrincipals(
  raw: { [key: string]: JsonValue },
  path: string,
  effect: JsonValue | undefined,
  rules: KindRules,
  diagnostics: DiagnosticList,
): { principal: PrincipalElement | undefined; notPrincipal: PrincipalElement | undefined } {
  const hasPrincipal = raw.Principal !== undefined;
  const hasNot = raw.NotPrincipal !== undefined;
  if (rules.principal === 'forbidden') {
    if (hasPrincipal) diagnostics.error('ProhibitedPrincipal', `${path}.Principal`, 'Has prohibited field Principal');
    if (hasNot) diagnostics.error('ProhibitedPrincipal', `${path}.NotPrincipal`, 'Has prohibited field NotPrincipal');
    return { principal: undefined, notPrincipal: undefined };
  }
  if (hasPrincipal && hasNot)
    diagnostics.error('PrincipalConflict', path, 'A statement cannot contain both Principal and NotPrincipal.');
  if (!hasPrincipal && !hasNot) diagnostics.error('MissingPrincipal', path, 'Missing required field Principal');
  if (hasNot && !rules.notPrincipal)
    diagnostics.error('ProhibitedPrincipal', `${path}.NotPrincipal`, 'Has prohibited field NotPrincipal');
  if (hasNot && rules.notPrincipal && effect === 'Allow') {
    diagnostics.error(
      'NotPrincipalWithAllow',
      `${path}.NotPrincipal`,
      'NotPrincipal is supported only with "Effect": "Deny".',
    );
  }
  const principal = hasPrincipal ? readPrincipal(raw.Principal!, `${path}.Principal`, diagnostics) : undefined;
  const notPrincipal = hasNot ? readPrincipal(raw.NotPrincipal!, `${path}.NotPrincipal`, diagnostics) : undefined;
  if (rules.trustRules) checkServicePrincipals(principal, path, diagnostics);
  if (rules.principalWildcardOnly && principal !== undefined && !isWildcardOnly(principal)) {
    diagnostics.error(
      'InvalidPrincipal',
      `${path}.Principal`,
      'The Principal element must be "*" for this policy type.',
    );
  }
  return { principal, notPrincipal };
}

function isWildcardOnly(p: PrincipalElement): boolean {
  return (
    p.wildcard && p.aws.every((v) => v === '*') && p.service.length + p.federated.length + p.canonicalUser.length === 0
  );
}

function readActions(
  raw: { [key: string]: JsonValue },
  path: string,
  rules: KindRules,
  diagnostics: DiagnosticList,
): { action: string[] | undefined; notAction: string[] | undefined } {
  if (raw.Action !== undefined && raw.NotAction !== undefined) {
    diagnostics.error('ActionConflict', path, 'A statement cannot contain both Action and NotAction.');
  }
  if (raw.NotAction !== undefined && !rules.notAction)
    diagnostics.error('ProhibitedNotAction', `${path}.NotAction`, 'Has prohibited field NotAction');
  const read = (name: 'Action' | 'NotAction'): string[] | undefined => {
    if (raw[name] === undefined) return undefined;
    const list = readStringList(raw[name]!, `${path}.${name}`, name, diagnostics);
    if (list !== undefined) checkActions(list, `${path}.${name}`, diagnostics);
    return list;
  };
  const action = read('Action');
  const notAction = read('NotAction');
  if ((action ?? notAction ?? []).length === 0)
    diagnostics.error('MissingAction', path, 'Policy statement must contain actions.');
  if (rules.trustRules && !(action ?? []).every(startsSessions)) {
    diagnostics.error(
      'InvalidTrustAction',
      `${path}.Action`,
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
  }
  return { action, notAction };
}

/** The actions a role trust policy may grant: those of starting a session and what may come with it (IAM UG). */
const SESSION_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
];

/** Whether a trust policy action names one of them (a wildcard must cover at least one). */
function startsSessions(action: string): boolean {
  const pattern = compileActionPattern(action);
  return SESSION_ACTIONS.some((a) => matchActionPattern(pattern, a));
}

/** A service principal is a service's AWS domain name, such as `lambda.amazonaws.com` or `ec2.amazonaws.com.cn`. */
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

function checkServicePrincipals(
  principal: PrincipalElement | undefined,
  path: string,
  diagnostics: DiagnosticList,
): void {
  for (const service of principal?.service ?? []) {
    if (SERVICE_PRINCIPAL.test(service)) continue;
    diagnostics.error('InvalidPrincipal', `${path}.Principal`, `Invalid principal in policy: "SERVICE":"${service}"`);
  }
}

function readResources(
  raw: { [key: string]: JsonValue },
  path: string,
  rules: KindRules,
  diagnostics: DiagnosticList,
): { resource: string[] | undefined; notResource: string[] | undefined } {
  const present = raw.Resource !== undefined || raw.NotResource !== undefined;
  if (rules.resource === 'forbidden') {
    if (raw.Resource !== undefined)
      diagnostics.error('ProhibitedResource', `${path}.Resource`, 'Has prohibited field Resource');
    if (raw.NotResource !== undefined)
      diagnostics.error('ProhibitedResource', `${path}.NotResource`, 'Has prohibited field NotResource');
    return { resource: undefined, notResource: undefined };
  }
  if (raw.Resource !== undefined && raw.NotResource !== undefined) {
    diagnostics.error('ResourceConflict', path, 'A statement cannot contain both Resource and NotResource.');
  }
  const read = (name: 'Resource' | 'NotResource'): string[] | undefined => {
    if (raw[name] === undefined) return undefined;
    const list = readStringList(raw[name]!, `${path}.${name}`, name, diagnostics);
    if (list !== undefined) checkResources(list, `${path}.${name}`, diagnostics);
    return list;
  };
  const resource = read('Resource');
  const notResource = read('NotResource');
  if (rules.resource === 'required' && (!present || (resource ?? notResource ?? []).length === 0)) {
    diagnostics.error('MissingResource', path, 'Policy statement must contain resources.');
  }
  return { resource, notResource };
}
