// Reads one scalar from its text form (query parameter, header, URI label, XML text) as the model type says.
import type { Shape } from './compiled-model.js';
import { parseTimestamp } from './timestamp.js';

/** Returned when the text is not a value of the type. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function readScalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'string':
      return text;
    case 'integer':
    case 'long':
      return INTEGER.test(text.trim()) ? Number(text.trim()) : UNREADABLE;
    case 'float':
    case 'double':
      return readFloat(text.trim());
    case 'boolean':
      return readBoolean(text.trim());
    case 'timestamp':
      return parseTimestamp(text) ?? UNREADABLE;
    case 'blob':
      return readBase64(text);
    default:
      return UNREADABLE;
  }
}

function readFloat(text: string): number | typeof UNREADABLE {
  if (FLOAT.test(text)) return Number(text);
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return UNREADABLE;
}

function readBoolean(text: string): boolean | typeof UNREADABLE {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return UNREADABLE;
}

export function readBase64(text: string): Buffer | typeof UNREADABLE {
  const compact = text.replace(/\s+/g, '');
  return compact.length % 4 === 0 && BASE64.test(compact) ? Buffer.from(compact, 'base64') : UNREADABLE;
}
