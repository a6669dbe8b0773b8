// Reads query-protocol parameters (`Tags.member.1.Key=k`, maps as `Attributes.entry.1.key`, flattened lists, and
// the EC2 variant `Name.1` with capitalised queryNames) into a model-shaped input.
import type { Member, Shape } from '../compiled-model.js';
import { readScalar, UNREADABLE } from '../scalar.js';
import { WireValueError } from '../validation-error.js';

export type QueryDialect = 'query' | 'ec2';

interface ParamNode {
  value?: string;
  children?: Map<string, ParamNode>;
}

/** Parses an `application/x-www-form-urlencoded` body; `+` is a space and pairs keep their order. */
export function parseFormBody(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of new URLSearchParams(text)) pairs.push([key, value]);
  return pairs;
}

export function readQueryInput(
  shape: Shape,
  params: ReadonlyMap<string, string>,
  dialect: QueryDialect,
): Record<string, unknown> {
  return readStructure(shape, buildTree(params), dialect, '');
}

function buildTree(params: ReadonlyMap<string, string>): ParamNode {
  const root: ParamNode = {};
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(part);
      if (!child) {
        child = {};
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The parameter name of a structure member (botocore's QuerySerializer and EC2Serializer). */
function memberKey(member: Member, dialect: QueryDialect): string {
  if (dialect === 'ec2') {
    if (member.queryName) return member.queryName;
    if (member.locationName) return member.locationName[0]!.toUpperCase() + member.locationName.slice(1);
    return member.name;
  }
  // A flattened list whose element has a name is sent under that name (`Foo.1` becomes `Item.1`).
  if (member.shape.type === 'list' && member.flattened && member.shape.member?.locationName) {
    return member.shape.member.locationName;
  }
  return member.wireName;
}

function readStructure(shape: Shape, node: ParamNode, dialect: QueryDialect, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.members) {
    const key = memberKey(member, dialect);
    const child = node.children?.get(key);
    if (child) out[member.name] = readValue(member, child, dialect, `${prefix}${key}`);
  }
  return out;
}

function readValue(member: Member, node: ParamNode, dialect: QueryDialect, path: string): unknown {
  const { shape } = member;
  switch (shape.type) {
    case 'structure':
    case 'union':
      return readStructure(shape, node, dialect, `${path}.`);
    case 'list':
      return readList(member, node, dialect, path);
    case 'map':
      return readMap(member, node, dialect, path);
    default: {
      const text = node.value ?? '';
      const value = readScalar(shape, text);
      if (value === UNREADABLE) throw new WireValueError(member.name, path, text, shape.type);
      return value;
    }
  }
}

function readList(member: Member, node: ParamNode, dialect: QueryDialect, path: string): unknown[] {
  const item = member.shape.member;
  if (!item) return [];
  const holder = dialect === 'ec2' || member.flattened ? node : node.children?.get(item.locationName ?? 'member');
  return indexed(holder).map(([index, child]) => readValue(item, child, dialect, `${path}.${index}`));
}

function readMap(member: Member, node: ParamNode, dialect: QueryDialect, path: string): Record<string, unknown> {
  const { key, value } = member.shape;
  const out: Record<string, unknown> = {};
  if (!key || !value) return out;
  const holder = member.flattened ? node : node.children?.get('entry');
  for (const [, entry] of indexed(holder)) {
    const k = entry.children?.get(key.locationName ?? 'key')?.value;
    const v = entry.children?.get(value.locationName ?? 'value');
    if (k !== undefined && v) out[k] = readValue(value, v, dialect, `${path}.${k}`);
  }
  return out;
}

/** The children named by positive integers, in numeric order (`member.2` after `member.1`, `member.10` last). */
function indexed(node: ParamNode | undefined): Array<[number, ParamNode]> {
  const out: Array<[number, ParamNode]> = [];
  for (const [name, child] of node?.children ?? []) {
    const index = Number(name);
    if (Number.isInteger(index) && index > 0) out.push([index, child]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
