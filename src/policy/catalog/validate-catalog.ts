// Policy validation against the action catalog, like IAM Access Analyzer's checks: unknown services and
// actions, condition keys no action of the statement supports, and resources that match no resource
// type of the statement's actions. These are warnings: they never change a decision.

import { globFromPattern, lowerGlob, matchGlob } from '../match/glob.js';
import { parsePolicy } from '../parse/parse-policy.js';
import type { Diagnostic, PolicyKind, Statement } from '../types.js';
import {
  type CatalogAction,
  conditionKeyExists,
  findAction,
  globalConditionKey,
  resourceTypeArn,
  serviceActionNames,
  serviceExists,
} from './iam-catalog.js';

/** Parses a policy and adds catalog warnings to the parser's diagnostics. */
export function validatePolicy(input: string | unknown, kind: PolicyKind): readonly Diagnostic[] {
  const { document, diagnostics } = parsePolicy(input, kind);
  if (document === undefined) return diagnostics;
  const warnings = document.statements.flatMap((s) => statementWarnings(s));
  return [...diagnostics, ...warnings];
}

function warning(code: string, path: string, message: string): Diagnostic {
  return { severity: 'warning', code, path, message };
}

/** The catalog actions an Action entry names; `undefined` for `*` or an unknown service. */
function expandAction(pattern: string): CatalogAction[] | undefined {
  const colon = pattern.indexOf(':');
  if (colon < 0) return undefined;
  const service = pattern.slice(0, colon);
  if (!serviceExists(service)) return undefined;
  const glob = lowerGlob(globFromPattern(pattern.slice(colon + 1)));
  return serviceActionNames(service)
    .filter((name) => matchGlob(glob, name.toLowerCase()))
    .flatMap((name) => findAction(service, name) ?? []);
}

function statementWarnings(s: Statement): Diagnostic[] {
  const base = `$.Statement[${s.index}]`;
  const out: Diagnostic[] = [];
  const actions: { readonly service: string; readonly action: CatalogAction }[] = [];
  (s.action ?? s.notAction ?? []).forEach((pattern, i) => {
    const path = `${base}.${s.action ? 'Action' : 'NotAction'}[${i}]`;
    if (pattern === '*') return;
    const service = pattern.slice(0, pattern.indexOf(':'));
    if (!/[*?]/.test(service) && !serviceExists(service)) {
      out.push(warning('UnknownService', path, `The service prefix ${service} is not recognized.`));
      return;
    }
    const found = expandAction(pattern) ?? [];
    if (found.length === 0) out.push(warning('UnknownAction', path, `The action ${pattern} does not exist.`));
    for (const action of found) actions.push({ service: service.toLowerCase(), action });
  });
  if (s.action === undefined) return out;
  out.push(...conditionWarnings(s, actions));
  out.push(...resourceWarnings(s, base, actions));
  return out;
}

function conditionWarnings(s: Statement, actions: readonly { service: string; action: CatalogAction }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const clause of s.conditions) {
    if (!conditionKeyExists(clause.key)) {
      out.push(warning('UnknownConditionKey', clause.path, `The condition key ${clause.key} is not recognized.`));
      continue;
    }
    if (globalConditionKey(clause.key) !== undefined || clause.key.toLowerCase().startsWith('aws:')) continue;
    if (actions.length === 0) continue;
    const lower = clause.key.toLowerCase();
    const supported = actions.some(({ action }) =>
      action.conditionKeys.some((k) => k.toLowerCase() === lower || keyTemplateMatches(k, lower)),
    );
    if (!supported) {
      out.push(
        warning(
          'UnsupportedConditionKey',
          clause.path,
          `No action in the statement supports the condition key ${clause.key}.`,
        ),
      );
    }
  }
  return out;
}

function keyTemplateMatches(template: string, lowerKey: string): boolean {
  const open = template.search(/[<$]/);
  return open > 0 && lowerKey.startsWith(template.slice(0, open).toLowerCase()) && lowerKey.length > open;
}

/**
 * The ARN template of a resource type as a pattern. A variable followed by `/`, and an S3 bucket name wherever it is,
 * stand for one path segment (the bucket ARN is `arn:${Partition}:s3:::${BucketName}`); other variables may hold
 * anything (a log group name holds slashes).
 */
function templateToRegex(arnTemplate: string): RegExp {
  const parts = arnTemplate.split(/(\$\{[^}]+\})/);
  const source = parts
    .map((part, i) => {
      if (!part.startsWith('$')) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      if (part === '${Partition}') return '[^:]*';
      return part === '${BucketName}' || parts[i + 1]?.startsWith('/') ? '[^/]*' : '.*';
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Whether a policy resource can name a resource of the template: its text (wildcards as plain characters) fits, or,
 * as a `*` also matches slashes, it fits once each `*` is given a slash to stand for (`arn:aws:s3:::b*` can name an
 * object, `arn:aws:s3:::b/*` cannot name a bucket).
 */
function resourceFits(resource: string, template: string): boolean {
  const pattern = templateToRegex(template);
  return pattern.test(resource) || (resource.includes('*') && pattern.test(resource.replaceAll('*', '*/*')));
}

function resourceWarnings(
  s: Statement,
  base: string,
  actions: readonly { service: string; action: CatalogAction }[],
): Diagnostic[] {
  if (s.resource === undefined || actions.length === 0) return [];
  const out: Diagnostic[] = [];
  s.resource.forEach((resource, i) => {
    if (resource === '*' || /^arn:[^:]*:\*/.test(resource)) return;
    const fits = actions.some(({ service, action }) => {
      if (action.resourceTypes.length === 0) return false;
      return action.resourceTypes.some((rt) => {
        const template = resourceTypeArn(service, rt.name);
        return template !== undefined && resourceFits(resource, template);
      });
    });
    if (!fits) {
      out.push(
        warning(
          'ResourceMismatch',
          `${base}.Resource[${i}]`,
          `The resource ${resource} matches no resource type of the actions in the statement.`,
        ),
      );
    }
  });
  return out;
}
