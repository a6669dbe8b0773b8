// Parsers for the statement elements that hold values: Action/Resource lists, Principal and Condition.

import { resolveOperator } from '../conditions/operators.js';
import type { ConditionClause, PrincipalElement } from '../types.js';
import type { DiagnosticList } from './diagnostics.js';
import { childPath, type JsonValue } from './json-reader.js';

export function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or a non-empty array of strings; `undefined` (with an error) for anything else. */
export function readStringList(
  value: JsonValue,
  path: string,
  name: string,
  diagnostics: DiagnosticList,
): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') {
      diagnostics.error(
        'InvalidValueType',
        Array.isArray(value) ? `${path}[${i}]` : path,
        `${name} values must be strings.`,
      );
      return undefined;
    }
    out.push(item);
  }
  return out;
}

const ACTION = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_.-]+$/;

export function checkActions(actions: readonly string[], path: string, diagnostics: DiagnosticList): void {
  actions.forEach((action, i) => {
    if (action === '*') return;
    const at = `${path}[${i}]`;
    if (action.split(':').length > 2) {
      diagnostics.error('InvalidAction', at, 'Actions/Condition can contain only one colon.');
    } else if (!action.includes(':')) {
      diagnostics.error(
        'InvalidAction',
        at,
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      );
    } else if (!ACTION.test(action)) {
      diagnostics.error('InvalidAction', at, `Invalid action: ${action}`);
    }
  });
}

/**
 * `*`, a full ARN (six parts), or a shorter one whose last part ends in a wildcard that can stand for the rest
 * (`arn:aws:ec2:*`, `arn:aws:s3:us-east-1:*`), as IAM accepts; an empty part in a short one fails (`arn:aws:s3::*`).
 */
const FULL_ARN = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.*$/;
const SHORT_ARN = /^arn(:[^:]+){1,4}$/;

export function checkResources(resources: readonly string[], path: string, diagnostics: DiagnosticList): void {
  resources.forEach((resource, i) => {
    const at = `${path}[${i}]`;
    if (resource === '*' || (SHORT_ARN.test(resource) && resource.endsWith('*'))) return;
    if (!FULL_ARN.test(resource)) {
      diagnostics.error('InvalidResource', at, `Resource ${resource} must be in ARN format or "*".`);
      return;
    }
    const regionError = misplacedRegion(resource);
    if (regionError !== undefined) diagnostics.error('InvalidResource', at, regionError);
  });
}

/**
 * IAM's texts for a region in an ARN that has none: IAM resources are global, and an S3 bucket or object ARN has
 * neither region nor account (S3's regional resources, access points and jobs, name an account).
 */
function misplacedRegion(resource: string): string | undefined {
  const [, , service, region, account] = resource.split(':');
  if (region === '' || /[*?]/.test(region!)) return undefined;
  if (service === 'iam') return `IAM resource ${resource} cannot contain region information.`;
  if (service === 's3' && account === '') return `Resource ${resource} can not contain region information.`;
  return undefined;
}

const PRINCIPAL_KEYS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:[\w-]+:(iam|sts)::(\d{12}|aws):.+|A[A-Z]{3}[A-Z0-9]{13,124})$/;

export function readPrincipal(
  value: JsonValue,
  path: string,
  diagnostics: DiagnosticList,
): PrincipalElement | undefined {
  if (value === '*') return { wildcard: true, aws: [], service: [], federated: [], canonicalUser: [] };
  if (!isObject(value)) {
    diagnostics.error('InvalidPrincipal', path, `Invalid principal in policy: ${JSON.stringify(value)}`);
    return undefined;
  }
  const lists: Record<string, string[]> = { AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  for (const key of Object.keys(value)) {
    const at = childPath(path, key);
    if (!PRINCIPAL_KEYS.has(key)) {
      diagnostics.error('InvalidPrincipal', at, `Invalid principal in policy: "${key}"`);
      return undefined;
    }
    const values = readStringList(value[key]!, at, 'Principal', diagnostics);
    if (values === undefined) return undefined;
    for (const v of values) {
      if (!isValidPrincipalValue(key, v)) {
        diagnostics.error('InvalidPrincipal', at, `Invalid principal in policy: "${key}":"${v}"`);
        return undefined;
      }
    }
    lists[key] = values;
  }
  const aws = lists.AWS!;
  return {
    wildcard: aws.includes('*'),
    aws,
    service: lists.Service!,
    federated: lists.Federated!,
    canonicalUser: lists.CanonicalUser!,
  };
}

function isValidPrincipalValue(key: string, value: string): boolean {
  if (value.length === 0) return false;
  // Partial wildcards are not allowed in principals; `*` only as the whole AWS value.
  if (value !== '*' && /[*?]/.test(value)) return false;
  if (key === 'AWS') return AWS_PRINCIPAL.test(value);
  if (key === 'CanonicalUser') return /^[0-9a-f]{64}$/.test(value);
  return value !== '*';
}

function conditionValues(raw: JsonValue, path: string, diagnostics: DiagnosticList): string[] | undefined {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) {
    diagnostics.error('InvalidCondition', path, 'Condition values must not be empty.');
    return undefined;
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else {
      diagnostics.error('InvalidCondition', path, 'Condition values must be strings, numbers or booleans.');
      return undefined;
    }
  }
  return out;
}

export function readConditions(value: JsonValue, path: string, diagnostics: DiagnosticList): ConditionClause[] {
  if (!isObject(value)) {
    diagnostics.error('InvalidCondition', path, 'Syntax errors in policy: Condition must be an object.');
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const operator of Object.keys(value)) {
    const opPath = childPath(path, operator);
    const resolved = resolveOperator(operator);
    if (resolved === undefined) {
      diagnostics.error('UnknownConditionOperator', opPath, `Invalid Condition type : ${operator}`);
      continue;
    }
    const block = value[operator]!;
    if (!isObject(block)) {
      diagnostics.error('InvalidCondition', opPath, `Condition block for ${operator} must be an object of keys.`);
      continue;
    }
    for (const key of Object.keys(block)) {
      const keyPath = childPath(opPath, key);
      if (!key.includes(':')) diagnostics.error('InvalidConditionKey', keyPath, `Invalid condition key: ${key}`);
      const values = conditionValues(block[key]!, keyPath, diagnostics);
      if (values === undefined) continue;
      for (const v of values) {
        const problem = resolved.spec.check(v);
        if (problem !== undefined) diagnostics.warning('InvalidConditionValue', keyPath, `${operator}: ${problem}.`);
      }
      const clause: ConditionClause = {
        operator,
        baseOperator: resolved.spec.name,
        qualifier: resolved.qualifier,
        ifExists: resolved.ifExists,
        key,
        values,
        path: keyPath,
      };
      clauses.push(clause);
    }
  }
  return clauses;
}
