// Reads a REST request (REST XML or REST JSON) into a model-shaped input: URI labels, query parameters, headers
// (with `x-amz-meta-*` prefix maps), and the payload (an XML or JSON document, text, bytes, or an untouched stream).
import { AwsError } from '../../core/aws-error.js';
import type { Member, Operation, Shape } from '../compiled-model.js';
import { readJsonStructure, readJsonValue } from '../json/json-codec.js';
import { readScalar, UNREADABLE } from '../scalar.js';
import type { HttpRequest } from '../types.js';
import { WireValueError } from '../validation-error.js';
import { readXmlDocument } from '../xml/xml-reader.js';

export type RestBody = Buffer | NodeJS.ReadableStream;

export interface RestInputContext {
  readonly format: 'xml' | 'json';
  readonly labels: Readonly<Record<string, string>>;
}

export function readRestInput(
  op: Operation,
  req: HttpRequest,
  body: RestBody,
  ctx: RestInputContext,
): Record<string, unknown> {
  const shape = op.input;
  const out: Record<string, unknown> = {};
  if (!shape) return out;
  for (const member of shape.members) {
    const value = readBoundMember(member, req, ctx, shape);
    if (value !== undefined) out[member.name] = value;
  }
  if (shape.payload) {
    const payload = readPayload(shape.payload, body, ctx);
    if (payload !== undefined) out[shape.payload.name] = payload;
  } else if (shape.bodyMembers.length > 0) {
    Object.assign(out, readDocument(shape, body, ctx, op.inputRoot?.name ?? shape.name));
  }
  return out;
}

function readBoundMember(member: Member, req: HttpRequest, ctx: RestInputContext, shape: Shape): unknown {
  const { wireName } = member;
  switch (member.location) {
    case 'uri': {
      const text = ctx.labels[wireName];
      return text === undefined ? undefined : readText(member, wireName, text);
    }
    case 'querystring':
      return readQueryMember(member, wireName, req, shape);
    case 'header': {
      const text = req.headers[member.headerName];
      return text === undefined ? undefined : readHeader(member, wireName, text);
    }
    case 'headers':
      return readPrefixHeaders(member.headerName, req.headers);
    default:
      return undefined;
  }
}

function readQueryMember(member: Member, wireName: string, req: HttpRequest, shape: Shape): unknown {
  const { type } = member.shape;
  if (type === 'map') {
    // A query map collects every parameter that no other member binds.
    const bound = new Set(shape.members.filter((m) => m.location === 'querystring').map((m) => m.wireName));
    const out: Record<string, unknown> = {};
    for (const [key, value] of req.query) if (!bound.has(key)) out[key] = value;
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const values = req.query.filter(([key]) => key === wireName).map(([, value]) => value);
  if (values.length === 0) return undefined;
  const item = member.shape.member;
  if (type === 'list' && item) return values.map((v) => readText(item, wireName, v, member.name));
  return readText(member, wireName, values[0]!);
}

function readHeader(member: Member, wireName: string, text: string): unknown {
  const { shape } = member;
  if (member.jsonvalue) {
    try {
      return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    } catch {
      throw new WireValueError(member.name, wireName, text, 'string');
    }
  }
  if (shape.type === 'list' && shape.member) {
    const item = shape.member;
    return text.split(',').map((part) => readText(item, wireName, part.trim(), member.name));
  }
  // HTTP semantics: a conditional header whose date cannot be read is ignored, not an error (RFC 9110, 13.1.3).
  if (shape.type === 'timestamp' && member.headerName.startsWith('if-') && readScalar(shape, text) === UNREADABLE) {
    return undefined;
  }
  return readText(member, wireName, text);
}

function readPrefixHeaders(prefix: string, headers: Readonly<Record<string, string>>): unknown {
  const out: Record<string, string> = {};
  let found = false;
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(prefix) && name.length > prefix.length) {
      out[name.slice(prefix.length)] = value;
      found = true;
    }
  }
  return found ? out : undefined;
}

function readText(member: Member, wireName: string, text: string, ownerName?: string): unknown {
  const value = readScalar(member.shape, text);
  if (value === UNREADABLE) throw new WireValueError(ownerName ?? member.name, wireName, text, member.shape.type);
  return value;
}

function readPayload(member: Member, body: RestBody, ctx: RestInputContext): unknown {
  const { shape } = member;
  if (shape.type === 'blob' || shape.type === 'string') {
    // INVARIANT: streaming payloads (S3 object bodies) are handed over as they came, never buffered here.
    if (!Buffer.isBuffer(body)) return member.streaming ? body : undefined;
    if (body.length === 0 && !member.streaming) return undefined;
    return shape.type === 'string' ? body.toString('utf8') : body;
  }
  return readDocument(shape, body, ctx, member.wireName, true);
}

function readDocument(shape: Shape, body: RestBody, ctx: RestInputContext, rootName: string, nested = false): unknown {
  if (!Buffer.isBuffer(body)) throw new Error('REST document bodies must be buffered before parsing');
  if (body.length === 0) return nested ? undefined : {};
  const text = body.toString('utf8');
  if (ctx.format === 'json') return readJson(shape, text, nested);
  return readXmlDocument(text, shape, rootName);
}

function readJson(shape: Shape, text: string, nested: boolean): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', '');
  }
  return nested ? readJsonValue(shape, doc) : readJsonStructure(shape, doc, shape.bodyMembers);
}
