// Checks a parsed input against its model constraints (required, length, range, pattern, enum) and lists the
// violations in AWS's order; validation-error.ts turns them into each service's error.
import type { Shape } from './compiled-model.js';

export type ViolationKind = 'required' | 'pattern' | 'minLength' | 'maxLength' | 'minValue' | 'maxValue' | 'enum';

export interface Violation {
  readonly kind: ViolationKind;
  /** AWS's member path: lower-camel member names, list elements as `tags.1.member`, map values as `m.key.member`. */
  readonly path: string;
  /** The model name of the violating member (`RoleSessionName`). */
  readonly member: string;
  readonly value: unknown;
  readonly shape: Shape;
  /** True when the violation sits inside a list element. */
  readonly inList: boolean;
}

/** AWS stops collecting after ten violations. */
const MAX_VIOLATIONS = 10;

export function findViolations(shape: Shape, input: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  checkStructure(shape, input, '', false, out);
  return out;
}

/** Coral's path segment for a member: its model name with the first letter in lower case. */
export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

function checkStructure(
  shape: Shape,
  value: Record<string, unknown>,
  prefix: string,
  inList: boolean,
  out: Violation[],
) {
  for (const member of shape.members) {
    if (out.length >= MAX_VIOLATIONS) return;
    const child = value[member.name];
    if (child === undefined || child === null) {
      if (shape.required.has(member.name)) {
        push(out, 'required', prefix + lowerFirst(member.name), member.name, null, member.shape, inList);
      }
      continue;
    }
    if (hasChecks(member.shape))
      checkValue(member.shape, child, prefix + lowerFirst(member.name), member.name, inList, out);
  }
}

function checkValue(shape: Shape, value: unknown, path: string, member: string, inList: boolean, out: Violation[]) {
  checkScalarConstraints(shape, value, path, member, inList, out);
  switch (shape.type) {
    case 'structure':
    case 'union':
      if (isRecord(value)) checkStructure(shape, value, `${path}.`, inList, out);
      return;
    case 'list':
      if (Array.isArray(value) && shape.member) {
        for (let i = 0; i < value.length && out.length < MAX_VIOLATIONS; i++) {
          if (value[i] !== undefined && value[i] !== null) {
            checkValue(shape.member.shape, value[i], `${path}.${i + 1}.member`, member, true, out);
          }
        }
      }
      return;
    case 'map':
      if (isRecord(value) && shape.value) {
        for (const [key, entry] of Object.entries(value)) {
          if (out.length >= MAX_VIOLATIONS) return;
          if (entry !== undefined && entry !== null) {
            checkValue(shape.value.shape, entry, `${path}.${key}.member`, member, inList, out);
          }
        }
      }
      return;
    default:
      return;
  }
}

// INVARIANT: order within one member is pattern, then length, then range, then enum: AWS lists a value that breaks
// both a pattern and a minimum length with the pattern first (AssumeRoleWithSAML with an empty RoleArn).
function checkScalarConstraints(
  shape: Shape,
  value: unknown,
  path: string,
  member: string,
  inList: boolean,
  out: Violation[],
) {
  if (shape.pattern && typeof value === 'string' && !shape.pattern.regex.test(value)) {
    push(out, 'pattern', path, member, value, shape, inList);
  }
  const length = lengthOf(shape, value);
  if (length !== undefined) {
    if (shape.min !== undefined && length < shape.min) push(out, 'minLength', path, member, value, shape, inList);
    if (shape.max !== undefined && length > shape.max) push(out, 'maxLength', path, member, value, shape, inList);
  } else if (typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) push(out, 'minValue', path, member, value, shape, inList);
    if (shape.max !== undefined && value > shape.max) push(out, 'maxValue', path, member, value, shape, inList);
  }
  if (shape.enumValues && typeof value === 'string' && !shape.enumValues.includes(value)) {
    push(out, 'enum', path, member, value, shape, inList);
  }
}

/** Whether a value of the shape can violate anything: a constrained scalar, or a container (checked inside). */
function hasChecks(shape: Shape): boolean {
  switch (shape.type) {
    case 'structure':
    case 'union':
    case 'list':
    case 'map':
      return true;
    default:
      return (
        shape.min !== undefined ||
        shape.max !== undefined ||
        shape.pattern !== undefined ||
        shape.enumValues !== undefined
      );
  }
}

/** Length for the shapes whose min/max bound a length: strings (UTF-16 units, as Java counts), blobs, lists, maps. */
function lengthOf(shape: Shape, value: unknown): number | undefined {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? value.length : undefined;
    case 'blob':
      return Buffer.isBuffer(value) ? value.length : undefined;
    case 'list':
      return Array.isArray(value) ? value.length : undefined;
    case 'map':
      return isRecord(value) ? Object.keys(value).length : undefined;
    default:
      return undefined;
  }
}

function push(
  out: Violation[],
  kind: ViolationKind,
  path: string,
  member: string,
  value: unknown,
  shape: Shape,
  inList: boolean,
) {
  if (out.length < MAX_VIOLATIONS) out.push({ kind, path, member, value, shape, inList });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
