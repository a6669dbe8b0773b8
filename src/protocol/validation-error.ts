// Words constraint violations and unreadable values the way each service does (see ValidationStyle in services.ts).
import { AwsError } from '../core/aws-error.js';
import type { Shape } from './compiled-model.js';
import { type ServiceId, serviceDescriptor } from './services.js';
import { lowerFirst, type Violation, type ViolationKind } from './validate.js';

/** Thrown by the parsers when a wire value cannot be read as its member's type; the facade words it per service. */
export class WireValueError extends Error {
  readonly member: string;
  /** The member's name on the wire (header, query key, JSON key). */
  readonly wireName: string;
  readonly text: string;
  readonly expected: Shape['type'];

  constructor(member: string, wireName: string, text: string, expected: Shape['type']) {
    super(`cannot read '${text}' as ${expected} for ${member}`);
    this.member = member;
    this.wireName = wireName;
    this.text = text;
    this.expected = expected;
  }
}

/** The error a service answers for these violations, or undefined when it does not check any of them. */
export function validationError(service: ServiceId, violations: readonly Violation[]): AwsError | undefined {
  const { style, code } = serviceDescriptor(service).validation;
  switch (style) {
    case 'coral':
      return violations.length === 0 ? undefined : new AwsError(code, coralMessage(violations));
    case 'organizations':
      return violations[0] ? organizationsError(violations[0]) : undefined;
    case 'rds':
      return violations[0] ? rdsError(code, violations[0]) : undefined;
    case 's3':
      return s3Error(service, violations);
  }
}

/** The error for a value the parser could not read as its type. */
export function wireValueError(service: ServiceId, error: WireValueError): AwsError {
  const { style, code } = serviceDescriptor(service).validation;
  if (style === 's3') {
    const isInteger = error.expected === 'integer' || error.expected === 'long';
    const message = isInteger
      ? `Provided ${error.wireName} not an integer or within integer range`
      : `Invalid ${error.wireName} value: '${error.text}'`;
    return new AwsError(code, message, { extra: { ArgumentName: error.wireName, ArgumentValue: error.text } });
  }
  if (style === 'rds') {
    return new AwsError(
      code,
      `Invalid value '${error.text}' for parameter ${error.member}. It must be a valid ${error.expected}.`,
    );
  }
  const constraint = `Member must be a valid ${error.expected}`;
  return new AwsError(
    code,
    `1 validation error detected: ${coralEntry(lowerFirst(error.member), error.text, constraint)}`,
  );
}

const CORAL_CONSTRAINTS: Readonly<Record<ViolationKind, (shape: Shape) => string>> = {
  required: () => 'Member must not be null',
  pattern: (shape) => `Member must satisfy regular expression pattern: ${shape.pattern?.source ?? ''}`,
  minLength: (shape) => `Member must have length greater than or equal to ${shape.min}`,
  maxLength: (shape) => `Member must have length less than or equal to ${shape.max}`,
  minValue: (shape) => `Member must have value greater than or equal to ${shape.min}`,
  maxValue: (shape) => `Member must have value less than or equal to ${shape.max}`,
  enum: (shape) => `Member must satisfy enum value set: [${(shape.enumValues ?? []).join(', ')}]`,
};

function coralMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  const entries = violations.map((v) => coralEntry(v.path, v.value, CORAL_CONSTRAINTS[v.kind](v.shape)));
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${entries.join('; ')}`;
}

function coralEntry(path: string, value: unknown, constraint: string): string {
  const printed = value === null || value === undefined ? 'null' : `'${javaString(value)}'`;
  return `Value ${printed} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** How the Java services print a value in these messages (`toString()` of the deserialized value). */
function javaString(value: unknown): string {
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Organizations' reasons and their documented texts (InvalidInputException in the Organizations API reference). */
const ORGANIZATIONS_REASONS: Readonly<Record<string, string>> = {
  INPUT_REQUIRED: 'You must include a value for all required parameters.',
  // The one text seen in real responses; the reference words it "doesn't match".
  INVALID_PATTERN: 'You provided a value that does not match the required pattern.',
  MIN_LENGTH_EXCEEDED: 'You provided a string parameter that is shorter than allowed.',
  MAX_LENGTH_EXCEEDED: 'You provided a string parameter that is longer than allowed.',
  MIN_VALUE_EXCEEDED: 'You provided a numeric parameter that has a smaller value than allowed.',
  MAX_VALUE_EXCEEDED: 'You provided a numeric parameter that has a larger value than allowed.',
  INVALID_ENUM: 'You specified an invalid value.',
  INVALID_LIST_MEMBER: 'You provided a list to a parameter that contains at least one invalid value.',
};

const ORGANIZATIONS_REASON_OF: Readonly<Record<ViolationKind, string>> = {
  required: 'INPUT_REQUIRED',
  pattern: 'INVALID_PATTERN',
  minLength: 'MIN_LENGTH_EXCEEDED',
  maxLength: 'MAX_LENGTH_EXCEEDED',
  minValue: 'MIN_VALUE_EXCEEDED',
  maxValue: 'MAX_VALUE_EXCEEDED',
  enum: 'INVALID_ENUM',
};

function organizationsError(violation: Violation): AwsError {
  const isListLength = violation.shape.type === 'list' || violation.shape.type === 'map';
  const reason = violation.inList && !isListLength ? 'INVALID_LIST_MEMBER' : ORGANIZATIONS_REASON_OF[violation.kind];
  return organizationsReason(reason);
}

function organizationsReason(reason: string): AwsError {
  return new AwsError('InvalidInputException', ORGANIZATIONS_REASONS[reason] ?? reason, { extra: { Reason: reason } });
}

function rdsError(code: string, violation: Violation): AwsError {
  if (violation.kind === 'required') {
    return new AwsError(code, `The parameter ${violation.member} must be provided and must not be empty.`);
  }
  const constraint = CORAL_CONSTRAINTS[violation.kind](violation.shape).replace(/^Member/, 'It');
  return new AwsError(
    code,
    `Invalid value '${javaString(violation.value)}' for parameter ${violation.member}. ${constraint}.`,
  );
}

export const MALFORMED_XML =
  'The XML you provided was not well-formed or did not validate against our published schema';

/**
 * S3 enforces no length, range or pattern constraints from the model. A missing request member is an invalid
 * argument; a missing element inside an XML body fails S3's schema check (MalformedXML).
 */
function s3Error(service: ServiceId, violations: readonly Violation[]): AwsError | undefined {
  const required = violations.filter((v) => v.kind === 'required');
  const missing = required.find((v) => !v.path.includes('.'));
  if (!missing) return required.length > 0 ? new AwsError('MalformedXML', MALFORMED_XML) : undefined;
  const { code } = serviceDescriptor(service).validation;
  return new AwsError(code, `Missing required parameter: ${missing.member}`, {
    extra: { ArgumentName: missing.member, ArgumentValue: '' },
  });
}
