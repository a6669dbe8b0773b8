// Converts between JSON documents and model-shaped values: blobs as base64, timestamps as epoch seconds, only the
// members the model declares. Reading reports wrong JSON types with the Java service framework's wording.
import type { Member, Shape } from '../compiled-model.js';
import { readBase64, UNREADABLE } from '../scalar.js';
import { epochSeconds, formatHttpDate, formatIso8601, parseTimestamp } from '../timestamp.js';

/** A JSON value of the wrong type for its member; AWS answers `SerializationException`. */
export class JsonShapeError extends Error {}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a String',
  integer: 'an Integer',
  long: 'a Long',
  float: 'a Float',
  double: 'a Double',
  boolean: 'a Boolean',
  timestamp: 'a Timestamp',
  blob: 'a Blob',
};

/** The JSON key of a member: its locationName when the model gives one. */
export function jsonKey(member: Member): string {
  return member.wireName;
}

/**
 * Reads a decoded JSON object as the structure `shape`; unknown keys are ignored, as AWS does. REST documents pass
 * the shape's body members, leaving out those bound to the URI and headers.
 */
export function readJsonStructure(
  shape: Shape,
  value: unknown,
  members: readonly Member[] = shape.members,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(value, shape);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const member of members) {
    const child = source[jsonKey(member)];
    if (child !== undefined && child !== null) out[member.name] = readJsonValue(member.shape, child);
  }
  return out;
}

export function readJsonValue(shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure':
    case 'union':
      return readJsonStructure(shape, value);
    case 'list':
      return readJsonList(shape, value);
    case 'map':
      return readJsonMap(shape, value);
    default:
      return readJsonScalar(shape, value);
  }
}

function readJsonList(shape: Shape, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw mismatch(value, shape);
  const item = shape.member;
  if (!item) return [];
  return value.filter((v) => v !== null && v !== undefined).map((v) => readJsonValue(item.shape, v));
}

function readJsonMap(shape: Shape, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(value, shape);
  const out: Record<string, unknown> = {};
  const valueShape = shape.value?.shape;
  if (!valueShape) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null && entry !== undefined) out[key] = readJsonValue(valueShape, entry);
  }
  return out;
}

function readJsonScalar(shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'integer':
    case 'long':
      if (typeof value === 'number') return Math.trunc(value);
      break;
    case 'float':
    case 'double':
      if (typeof value === 'number') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'timestamp':
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string') return parseTimestamp(value) ?? invalid(value, shape);
      break;
    case 'blob':
      if (typeof value === 'string') {
        const bytes = readBase64(value);
        return bytes === UNREADABLE ? invalid(value, shape) : bytes;
      }
      break;
  }
  throw mismatch(value, shape);
}

function invalid(value: string, shape: Shape): never {
  throw new JsonShapeError(`'${value}' can not be converted to ${TYPE_NAMES[shape.type] ?? shape.type}`);
}

function mismatch(value: unknown, shape: Shape): JsonShapeError {
  if (Array.isArray(value)) return new JsonShapeError('Start of list found where not expected');
  if (typeof value === 'object' && value !== null) {
    return new JsonShapeError('Start of structure or map found where not expected.');
  }
  if (shape.type === 'list') return new JsonShapeError('Expected list or null');
  if (shape.type === 'map') return new JsonShapeError('Expected map or null');
  const token =
    typeof value === 'string'
      ? 'STRING_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : `${String(value).toUpperCase()}_VALUE`;
  return new JsonShapeError(`${token} can not be converted to ${TYPE_NAMES[shape.type] ?? shape.type}`);
}

/** Writes a model-shaped value as a JSON-ready value; members the model does not declare are left out. */
export function writeJsonValue(shape: Shape, value: unknown, format?: Member['timestampFormat']): unknown {
  switch (shape.type) {
    case 'structure':
    case 'union':
      return writeJsonStructure(shape, value as Record<string, unknown>);
    case 'list': {
      const item = shape.member;
      return item ? (value as unknown[]).map((v) => writeJsonValue(item.shape, v, item.timestampFormat)) : [];
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const entry = shape.value;
      if (!entry) return out;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined && v !== null) out[k] = writeJsonValue(entry.shape, v, entry.timestampFormat);
      }
      return out;
    }
    case 'timestamp':
      return writeJsonTimestamp(value, format ?? shape.timestampFormat);
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    default:
      return value;
  }
}

/** Writes the given members of a structure value (REST documents pass the body members only). */
export function writeJsonStructure(
  shape: Shape,
  value: Record<string, unknown>,
  members: readonly Member[] = shape.members,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of members) {
    const child = value[member.name];
    if (child !== undefined && child !== null) {
      out[jsonKey(member)] = writeJsonValue(member.shape, child, member.timestampFormat);
    }
  }
  return out;
}

function writeJsonTimestamp(value: unknown, format: Member['timestampFormat']): number | string {
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (format === 'iso8601') return formatIso8601(date, 'always');
  if (format === 'rfc822') return formatHttpDate(date);
  return epochSeconds(date);
}
