// The policy document of a browser upload (S3 API, "Creating a POST policy"): base64 JSON with an `expiration` and
// `conditions` (`{"field": "value"}`, `["eq", "$field", "value"]`, `["starts-with", "$field", "prefix"]`,
// `["content-length-range", min, max]`). Every form field must be named by a condition, except the signature, the
// policy, the file and `x-ignore-*` fields. Field names compare without case.
import { AwsError } from '../../../core/aws-error.js';

export interface PostPolicy {
  readonly expiration: number;
  readonly conditions: readonly Condition[];
}

type Condition =
  | { readonly kind: 'eq' | 'starts-with'; readonly field: string; readonly value: string; readonly text: string }
  | { readonly kind: 'content-length-range'; readonly min: number; readonly max: number };

export interface SizeLimits {
  readonly min: number;
  readonly max: number;
}

const EXEMPT = new Set(['x-amz-signature', 'file', 'policy']);

const invalidPolicy = (message: string) => new AwsError('InvalidPolicyDocument', message);
const denied = (message: string) =>
  new AwsError('AccessDenied', `Invalid according to Policy: ${message}`, { status: 403 });

export function parsePostPolicy(encoded: string): PostPolicy {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    throw invalidPolicy('Invalid Policy: Invalid JSON.');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw invalidPolicy('Invalid Policy: Invalid JSON.');
  }
  const { expiration, conditions } = document as Record<string, unknown>;
  if (expiration === undefined) throw invalidPolicy('Invalid Policy: Missing expiration.');
  const expires = typeof expiration === 'string' ? Date.parse(expiration) : Number.NaN;
  if (!Number.isFinite(expires)) throw invalidPolicy('Invalid Policy: Invalid expiration.');
  if (!Array.isArray(conditions)) throw invalidPolicy('Invalid Policy: Missing conditions.');
  return { expiration: expires, conditions: conditions.map(readCondition) };
}

function readCondition(raw: unknown): Condition {
  if (Array.isArray(raw)) {
    const [op, subject, value] = raw as unknown[];
    const operator = typeof op === 'string' ? op.toLowerCase() : '';
    if (operator === 'content-length-range' && raw.length === 3) {
      const min = Number(subject);
      const max = Number(value);
      if (Number.isInteger(min) && Number.isInteger(max)) return { kind: operator, min, max };
    }
    if ((operator === 'eq' || operator === 'starts-with') && raw.length === 3 && typeof subject === 'string') {
      if (subject.startsWith('$') && typeof value === 'string') {
        const text = `["${op}", "${subject}", "${value}"]`;
        return { kind: operator, field: subject.slice(1).toLowerCase(), value, text };
      }
    }
    throw invalidPolicy(`Invalid Policy: Invalid Condition: ${JSON.stringify(raw)}`);
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length !== 1) {
      throw invalidPolicy(
        'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.',
      );
    }
    const [[field, value]] = entries as [[string, unknown]];
    const text = `["eq", "$${field}", "${String(value)}"]`;
    return { kind: 'eq', field: field.toLowerCase(), value: String(value), text };
  }
  throw invalidPolicy(`Invalid Policy: Invalid Condition: ${JSON.stringify(raw)}`);
}

/**
 * Holds the policy against the form: not expired, every condition met, no field left unnamed. `fields` are the form's
 * (lower-case names); `$bucket` is the bucket posted to and `$key` the key with `${filename}` expanded. Returns the
 * size limits the file must keep.
 */
export function checkPostPolicy(
  policy: PostPolicy,
  fields: ReadonlyMap<string, string>,
  target: { readonly bucket: string; readonly key: string },
  now: number,
): SizeLimits {
  if (now > policy.expiration) throw denied('Policy expired.');
  const named = new Set<string>();
  let limits: SizeLimits = { min: 0, max: Number.MAX_SAFE_INTEGER };
  for (const condition of policy.conditions) {
    if (condition.kind === 'content-length-range') {
      limits = { min: condition.min, max: condition.max };
      continue;
    }
    named.add(condition.field);
    const actual =
      condition.field === 'bucket'
        ? target.bucket
        : condition.field === 'key'
          ? target.key
          : (fields.get(condition.field) ?? '');
    const holds = condition.kind === 'eq' ? actual === condition.value : actual.startsWith(condition.value);
    if (!holds) throw denied(`Policy Condition failed: ${condition.text}`);
  }
  const extra = [...fields.keys()]
    .filter((name) => !EXEMPT.has(name) && !name.startsWith('x-ignore-') && !named.has(name))
    .sort();
  if (extra.length > 0) throw denied(`Extra input fields: ${extra.join(', ')}`);
  return limits;
}

export function checkFileSize(size: number, limits: SizeLimits): void {
  if (size > limits.max) {
    throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
      extra: { ProposedSize: String(size), MaxSizeAllowed: String(limits.max) },
    });
  }
  if (size < limits.min) {
    throw new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
      extra: { ProposedSize: String(size), MinSizeAllowed: String(limits.min) },
    });
  }
}
