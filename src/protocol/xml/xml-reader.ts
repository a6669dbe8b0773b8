// Reads an XML request document into a value of a model shape (lists, maps, attributes, scalars by type).
// fast-xml-parser gives a loose tree; the shape decides what each element means.
import { XMLParser, XMLValidator } from '../../core/fast-xml-parser.js';
import type { Member, Shape } from '../compiled-model.js';
import { readScalar, UNREADABLE } from '../scalar.js';

/** The document is not well-formed, or does not fit the shape. */
export class XmlShapeError extends Error {}

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';

// One parser for the process: its options never change and parsing keeps no state between documents.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  // Object keys may begin or end with spaces; text is never trimmed.
  trimValues: false,
  // Decodes numeric character references (`&#13;`) as well as the five XML entities.
  htmlEntities: true,
  textNodeName: TEXT_KEY,
});

type XmlNode = Record<string, unknown> | string;

/**
 * Parses `text` and reads its root element as `shape`. `rootName`, when given, must be the root element's name.
 * Throws XmlShapeError when the document is malformed or a value does not fit its type.
 */
export function readXmlDocument(text: string, shape: Shape, rootName?: string): Record<string, unknown> {
  if (text.includes('<!DOCTYPE') || XMLValidator.validate(text) !== true) throw new XmlShapeError('not well-formed');
  const doc = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc).filter((name) => !name.startsWith('?') && name !== TEXT_KEY);
  const [root] = roots;
  if (roots.length !== 1 || root === undefined) throw new XmlShapeError('expected one root element');
  if (rootName !== undefined && root !== rootName) throw new XmlShapeError(`unexpected root element ${root}`);
  return readStructure(shape, doc[root] as XmlNode);
}

function readStructure(shape: Shape, node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof node !== 'object') return out;
  for (const member of shape.bodyMembers) {
    if (member.xmlAttribute) {
      const attr = node[ATTRIBUTE_PREFIX + member.wireName];
      if (typeof attr === 'string') out[member.name] = readText(member.shape, attr);
      continue;
    }
    const name = elementName(member);
    const raw = node[name];
    if (raw !== undefined) out[member.name] = readMember(member, raw);
  }
  return out;
}

function elementName(member: Member): string {
  const name = member.wireName;
  if (member.shape.type === 'list' && member.flattened) return member.shape.member?.locationName ?? name;
  return name;
}

function readMember(member: Member, raw: unknown): unknown {
  const { shape } = member;
  switch (shape.type) {
    case 'list':
      return readList(member, raw);
    case 'map':
      return readMap(member, raw);
    case 'structure':
    case 'union':
      return readStructure(shape, single(raw) as XmlNode);
    default:
      return readText(shape, textOf(single(raw)));
  }
}

function readList(member: Member, raw: unknown): unknown[] {
  const item = member.shape.member;
  if (!item) return [];
  const elements = member.flattened ? raw : elementChild(single(raw), item.locationName ?? 'member');
  return asArray(elements).map((element) => readMember(item, element));
}

function readMap(member: Member, raw: unknown): Record<string, unknown> {
  const { key, value } = member.shape;
  const out: Record<string, unknown> = {};
  if (!key || !value) return out;
  const entries = member.flattened ? raw : elementChild(single(raw), 'entry');
  for (const entry of asArray(entries)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const k = textOf(single(record[key.locationName ?? 'key']));
    const v = record[value.locationName ?? 'value'];
    if (v !== undefined) out[k] = readMember(value, v);
  }
  return out;
}

function readText(shape: Shape, text: string): unknown {
  const value = readScalar(shape, text);
  if (value === UNREADABLE) throw new XmlShapeError(`'${text}' is not a valid ${shape.type}`);
  return value;
}

function elementChild(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
}

function single(raw: unknown): unknown {
  if (Array.isArray(raw)) throw new XmlShapeError('element repeated where one is expected');
  return raw;
}

function asArray(raw: unknown): unknown[] {
  if (raw === undefined || raw === '') return [];
  return Array.isArray(raw) ? raw : [raw];
}

function textOf(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'object' && raw !== null) {
    const text = (raw as Record<string, unknown>)[TEXT_KEY];
    return typeof text === 'string' ? text : '';
  }
  return '';
}
