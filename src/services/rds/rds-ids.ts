// RDS names: ARNs of DB instances and snapshots, identifier rules, and the DbiResourceId format.
import { parseArn } from '../../core/arn.js';
import { randomBase32 } from '../../core/ids.js';
import { invalidParameterValue } from './rds-errors.js';

export function dbArn(region: string, account: string, identifier: string): string {
  return `arn:aws:rds:${region}:${account}:db:${identifier}`;
}

export function snapshotArn(region: string, account: string, identifier: string): string {
  return `arn:aws:rds:${region}:${account}:snapshot:${identifier}`;
}

export function newResourceId(): string {
  return `db-${randomBase32(26)}`;
}

const IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-))*$/;

/**
 * An instance or snapshot identifier as RDS stores it (lower case), or InvalidParameterValue. Letters first; only
 * letters, digits and single hyphens; no hyphen at the end.
 */
export function identifierOf(parameter: string, value: unknown, maxLength: number): string {
  const text = String(value ?? '');
  if (text.length === 0 || text.length > maxLength || !IDENTIFIER.test(text) || text.endsWith('-')) {
    throw invalidParameterValue(
      `The parameter ${parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
  return text.toLowerCase();
}

export interface SnapshotReference {
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly identifier: string;
}

/** A snapshot named by identifier (the caller's own) or by ARN (any account's). */
export function readSnapshotReference(text: string): SnapshotReference {
  const arn = parseArn(text);
  if (arn === undefined || arn.service !== 'rds' || !arn.resource.startsWith('snapshot:')) {
    return { account: undefined, region: undefined, identifier: text.toLowerCase() };
  }
  return { account: arn.account, region: arn.region, identifier: arn.resource.slice('snapshot:'.length).toLowerCase() };
}
