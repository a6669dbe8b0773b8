// Writes XML from a model shape and a value: element names, lists (wrapped or flattened), maps, attributes and
// namespaces as the model declares them. Shared by the query protocols and REST XML; all text is escaped here.
import type { Member, Shape } from '../compiled-model.js';
import type { RawXmlNamespace } from '../model.js';
import { formatTimestamp } from '../timestamp.js';

export interface XmlWriteOptions {
  /** Whether ISO timestamps carry milliseconds always (S3) or only when non-zero (query services). */
  readonly millis: 'auto' | 'always';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what these patterns escape.
const TEXT_ESCAPES = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what these patterns escape.
const ATTRIBUTE_ESCAPES = /[&<>"\r\n\t\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escapeChar(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      // Carriage returns and other control characters as references, so XML parsers neither drop nor normalize them.
      return `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;
  }
}

export function escapeXmlText(text: string): string {
  return text.replace(TEXT_ESCAPES, escapeChar);
}

export function escapeXmlAttribute(text: string): string {
  return text.replace(ATTRIBUTE_ESCAPES, escapeChar);
}

export function namespaceAttribute(ns: RawXmlNamespace | undefined): string {
  if (!ns) return '';
  const name = ns.prefix ? `xmlns:${ns.prefix}` : 'xmlns';
  return ` ${name}="${escapeXmlAttribute(ns.uri)}"`;
}

/** One element per structure member that has a value, in model order, skipping members bound to HTTP. */
export function writeMembers(shape: Shape, value: Record<string, unknown>, options: XmlWriteOptions): string {
  let out = '';
  for (const member of shape.bodyMembers) {
    if (member.xmlAttribute) continue;
    const child = value[member.name];
    if (child !== undefined && child !== null) out += writeMember(member, child, options);
  }
  return out;
}

/** The member as an element named by its locationName (or its model name). */
export function writeMember(member: Member, value: unknown, options: XmlWriteOptions, name?: string): string {
  const tag = name ?? member.wireName;
  const { shape } = member;
  switch (shape.type) {
    case 'list':
      return writeList(member, value as readonly unknown[], tag, options);
    case 'map':
      return writeMap(member, value as Record<string, unknown>, tag, options);
    case 'structure':
    case 'union':
      return writeStructure(shape, value as Record<string, unknown>, tag, member.xmlNamespace, options);
    default:
      return `<${tag}>${scalarText(shape, member, value, options)}</${tag}>`;
  }
}

export function writeStructure(
  shape: Shape,
  value: Record<string, unknown>,
  tag: string,
  ns: RawXmlNamespace | undefined,
  options: XmlWriteOptions,
): string {
  let attributes = namespaceAttribute(ns);
  for (const member of shape.members) {
    const attr = value[member.name];
    if (member.xmlAttribute && attr !== undefined && attr !== null) {
      attributes += ` ${member.wireName}="${escapeXmlAttribute(scalarText(member.shape, member, attr, options, false))}"`;
    }
  }
  return `<${tag}${attributes}>${writeMembers(shape, value, options)}</${tag}>`;
}

function writeList(member: Member, items: readonly unknown[], tag: string, options: XmlWriteOptions): string {
  const item = member.shape.member;
  if (!item || !Array.isArray(items)) return '';
  let inner = '';
  if (member.flattened) {
    const itemTag = item.locationName ?? tag;
    for (const entry of items)
      if (entry !== undefined && entry !== null) inner += writeMember(item, entry, options, itemTag);
    return inner;
  }
  const itemTag = item.locationName ?? 'member';
  for (const entry of items)
    if (entry !== undefined && entry !== null) inner += writeMember(item, entry, options, itemTag);
  return `<${tag}>${inner}</${tag}>`;
}

function writeMap(member: Member, map: Record<string, unknown>, tag: string, options: XmlWriteOptions): string {
  const { key, value } = member.shape;
  if (!key || !value) return '';
  const keyTag = key.locationName ?? 'key';
  const valueTag = value.locationName ?? 'value';
  let inner = '';
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined || v === null) continue;
    const entry = `<${keyTag}>${escapeXmlText(k)}</${keyTag}>${writeMember(value, v, options, valueTag)}`;
    inner += member.flattened ? `<${tag}>${entry}</${tag}>` : `<entry>${entry}</entry>`;
  }
  return member.flattened ? inner : `<${tag}>${inner}</${tag}>`;
}

/** The text of a scalar value, escaped for element content unless `forElement` is false. */
export function scalarText(
  shape: Shape,
  member: Member | undefined,
  value: unknown,
  options: XmlWriteOptions,
  forElement = true,
): string {
  switch (shape.type) {
    case 'timestamp': {
      const date = value instanceof Date ? value : new Date(value as string | number);
      return formatTimestamp(date, member?.timestampFormat ?? 'iso8601', options.millis);
    }
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value)).toString('base64');
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return forElement ? escapeXmlText(String(value)) : String(value);
  }
}
