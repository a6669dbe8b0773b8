// Loads a service model (botocore JSON, see models/README.md) lazily and once, and gives typed access to it.
import { readFileSync } from 'node:fs';

/** A reference from a structure member, list member or map key/value to a shape, with its serialization traits. */
export interface RawMemberRef {
  readonly shape: string;
  readonly location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  readonly locationName?: string;
  readonly queryName?: string;
  readonly flattened?: boolean;
  readonly xmlNamespace?: RawXmlNamespace;
  readonly xmlAttribute?: boolean;
  readonly timestampFormat?: TimestampFormat;
  readonly jsonvalue?: boolean;
  readonly streaming?: boolean;
  readonly eventstream?: boolean;
  readonly hostLabel?: boolean;
  readonly idempotencyToken?: boolean;
  readonly deprecated?: boolean;
}

export interface RawXmlNamespace {
  readonly uri: string;
  readonly prefix?: string;
}

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'union';

export interface RawShape {
  readonly type: ShapeType | 'byte' | 'short' | 'character' | 'bigdecimal' | 'biginteger';
  readonly members?: Readonly<Record<string, RawMemberRef>>;
  readonly required?: readonly string[];
  readonly member?: RawMemberRef;
  readonly key?: RawMemberRef;
  readonly value?: RawMemberRef;
  readonly payload?: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly locationName?: string;
  readonly flattened?: boolean;
  readonly xmlNamespace?: RawXmlNamespace;
  readonly xmlOrder?: readonly string[];
  readonly timestampFormat?: TimestampFormat;
  readonly streaming?: boolean;
  readonly eventstream?: boolean;
  readonly sensitive?: boolean;
  readonly exception?: boolean;
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean };
}

export interface RawOperation {
  readonly name: string;
  readonly http: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
  readonly input?: RawMemberRef;
  readonly output?: RawMemberRef & { readonly resultWrapper?: string };
  readonly errors?: readonly RawMemberRef[];
  readonly deprecated?: boolean;
}

export interface RawMetadata {
  readonly apiVersion: string;
  readonly protocol: string;
  readonly xmlNamespace?: string;
  readonly targetPrefix?: string;
  readonly jsonVersion?: string;
  readonly signingName?: string;
  readonly endpointPrefix: string;
}

interface RawModel {
  readonly metadata: RawMetadata;
  readonly operations: Readonly<Record<string, RawOperation>>;
  readonly shapes: Readonly<Record<string, RawShape>>;
}

/** Typed read access to one service model. */
export class ServiceModel {
  readonly metadata: RawMetadata;
  readonly operationNames: readonly string[];
  private readonly raw: RawModel;

  constructor(raw: RawModel) {
    this.raw = raw;
    this.metadata = raw.metadata;
    this.operationNames = Object.keys(raw.operations);
  }

  operation(name: string): RawOperation | undefined {
    return Object.hasOwn(this.raw.operations, name) ? this.raw.operations[name] : undefined;
  }

  shape(name: string): RawShape {
    const shape = Object.hasOwn(this.raw.shapes, name) ? this.raw.shapes[name] : undefined;
    if (!shape) throw new Error(`service model ${this.metadata.endpointPrefix}: unknown shape ${name}`);
    return shape;
  }

  hasShape(name: string): boolean {
    return Object.hasOwn(this.raw.shapes, name);
  }
}

const loaded = new Map<string, ServiceModel>();

/** The model in `models/<file>.json`, parsed on first use and kept for the life of the process. */
export function loadServiceModel(file: string): ServiceModel {
  let model = loaded.get(file);
  if (!model) {
    const url = new URL(`./models/${file}.json`, import.meta.url);
    model = new ServiceModel(JSON.parse(readFileSync(url, 'utf8')) as RawModel);
    loaded.set(file, model);
  }
  return model;
}
