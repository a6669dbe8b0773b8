// Writes a model-shaped output as a REST response: status code, header members (`Last-Modified` as an HTTP date,
// `x-amz-meta-*` maps), and the payload: an XML or JSON document, text, bytes, or a stream passed through.
import type { Member, Operation, Shape } from '../compiled-model.js';
import { writeJsonStructure, writeJsonValue } from '../json/json-codec.js';
import { formatTimestamp } from '../timestamp.js';
import type { HttpResponse } from '../types.js';
import {
  namespaceAttribute,
  scalarText,
  writeMembers,
  writeStructure,
  type XmlWriteOptions,
} from '../xml/xml-writer.js';

export interface RestOutputContext {
  readonly format: 'xml' | 'json';
  /** The service's document namespace (S3: `http://s3.amazonaws.com/doc/2006-03-01/`). */
  readonly xmlNamespace?: string;
  /** HEAD responses carry headers only. */
  readonly head: boolean;
}

const XML_OPTIONS: XmlWriteOptions = { millis: 'always' };
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function writeRestOutput(op: Operation, output: Record<string, unknown>, ctx: RestOutputContext): HttpResponse {
  const response: HttpResponse = { status: op.responseCode ?? 200, headers: {} };
  const shape = op.output;
  if (!shape) return response;
  // The output's own keys, not the model's members: GetObject's output shape has ~50 members, a response a few.
  for (const name in output) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    const member = shape.memberByName.get(name);
    if (member !== undefined) writeBoundMember(member, value, response);
  }
  // A success carrying Content-Range is a single-part partial response (RFC 9110, 15.3.7): S3's ranged GET and HEAD.
  if (response.status === 200 && response.headers['Content-Range'] !== undefined) response.status = 206;
  if (ctx.head) return response;
  if (shape.payload) writePayload(shape.payload, output[shape.payload.name], response, ctx);
  else if (shape.bodyMembers.length > 0) writeDocument(shape, output, response, ctx);
  return response;
}

function writeBoundMember(member: Member, value: unknown, response: HttpResponse) {
  const name = member.wireName;
  switch (member.location) {
    case 'statusCode':
      response.status = Number(value);
      return;
    case 'header':
      response.headers[name] = headerText(member, value);
      return;
    case 'headers':
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined && v !== null) response.headers[`${name}${key}`] = String(v);
      }
      return;
    default:
      return;
  }
}

function headerText(member: Member, value: unknown): string {
  const { shape } = member;
  if (member.jsonvalue) return Buffer.from(JSON.stringify(value)).toString('base64');
  if (shape.type === 'timestamp') {
    const date = value instanceof Date ? value : new Date(value as string | number);
    return formatTimestamp(date, member.timestampFormat ?? 'rfc822', 'always');
  }
  if (shape.type === 'list' && shape.member) {
    const item = shape.member;
    return (value as unknown[]).map((v) => scalarText(item.shape, item, v, XML_OPTIONS, false)).join(',');
  }
  return scalarText(shape, member, value, XML_OPTIONS, false);
}

function writePayload(member: Member, value: unknown, response: HttpResponse, ctx: RestOutputContext) {
  if (value === undefined || value === null) return;
  const { shape } = member;
  if (shape.type === 'blob' || shape.type === 'string') {
    response.body = value as HttpResponse['body'];
    return;
  }
  if (ctx.format === 'json') {
    setJson(response, writeJsonValue(shape, value));
    return;
  }
  const ns = member.xmlNamespace ?? (ctx.xmlNamespace ? { uri: ctx.xmlNamespace } : undefined);
  const root = member.wireName;
  setXml(response, writeStructure(shape, value as Record<string, unknown>, root, ns, XML_OPTIONS));
}

function writeDocument(shape: Shape, output: Record<string, unknown>, response: HttpResponse, ctx: RestOutputContext) {
  if (ctx.format === 'json') {
    setJson(response, writeJsonStructure(shape, output, shape.bodyMembers));
    return;
  }
  const root = shape.locationName ?? shape.name;
  const ns = namespaceAttribute(shape.xmlNamespace ?? (ctx.xmlNamespace ? { uri: ctx.xmlNamespace } : undefined));
  const textRoot = textRootMember(shape, root);
  if (textRoot) {
    // GetBucketLocation: the root element's text is the member (`<LocationConstraint>eu-west-1</LocationConstraint>`).
    const value = output[textRoot.name];
    const text = value === undefined || value === null ? '' : scalarText(textRoot.shape, textRoot, value, XML_OPTIONS);
    setXml(response, `<${root}${ns}>${text}</${root}>`);
    return;
  }
  setXml(response, `<${root}${ns}>${writeMembers(shape, output, XML_OPTIONS)}</${root}>`);
}

/** A document whose only body member is a scalar named like the root element is that scalar as the root's text. */
function textRootMember(shape: Shape, root: string): Member | undefined {
  const [only] = shape.bodyMembers;
  if (shape.bodyMembers.length !== 1 || !only) return undefined;
  const isScalar = only.shape.type !== 'structure' && only.shape.type !== 'list' && only.shape.type !== 'map';
  return isScalar && only.wireName === root ? only : undefined;
}

function setXml(response: HttpResponse, document: string) {
  response.headers['Content-Type'] = 'application/xml';
  response.body = XML_DECLARATION + document;
}

function setJson(response: HttpResponse, value: unknown) {
  response.headers['Content-Type'] = 'application/json';
  response.body = JSON.stringify(value);
}
