// Turns a raw service model into a graph of resolved shapes and operations, built lazily and once per shape, so
// the parsers and serializers walk plain objects instead of looking names up on every request.
import {
  loadServiceModel,
  type RawMemberRef,
  type RawXmlNamespace,
  type ServiceModel,
  type ShapeType,
  type TimestampFormat,
} from './model.js';
import { type ServiceId, serviceDescriptor } from './services.js';

export interface Member {
  /** The member's name in the model (`RoleSessionName`); handlers see values under this name. */
  readonly name: string;
  readonly shape: Shape;
  readonly location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  /** The member reference's `locationName`, else the target shape's. */
  readonly locationName?: string;
  /** The name on the wire: `locationName`, else the model name. */
  readonly wireName: string;
  /** `wireName` in lower case, as Node presents header names. */
  readonly headerName: string;
  readonly queryName?: string;
  readonly flattened: boolean;
  readonly xmlNamespace?: RawXmlNamespace;
  readonly xmlAttribute: boolean;
  readonly timestampFormat?: TimestampFormat;
  readonly jsonvalue: boolean;
  readonly streaming: boolean;
  readonly hostLabel: boolean;
}

export interface Shape {
  readonly name: string;
  readonly type: ShapeType;
  /** Structure members in model order. */
  readonly members: readonly Member[];
  /** The members not bound to the URI, query string, headers or status code, i.e. carried in the document. */
  readonly bodyMembers: readonly Member[];
  readonly memberByName: ReadonlyMap<string, Member>;
  readonly required: ReadonlySet<string>;
  readonly payload?: Member;
  /** List element. */
  readonly member?: Member;
  /** Map key and value. */
  readonly key?: Member;
  readonly value?: Member;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: { readonly source: string; readonly regex: RegExp };
  readonly enumValues?: readonly string[];
  readonly locationName?: string;
  readonly xmlNamespace?: RawXmlNamespace;
  readonly timestampFormat?: TimestampFormat;
  readonly flattened: boolean;
  readonly streaming: boolean;
  readonly eventstream: boolean;
  readonly sensitive: boolean;
}

export interface Operation {
  readonly name: string;
  readonly method: string;
  readonly requestUri: string;
  readonly responseCode?: number;
  readonly deprecated: boolean;
  readonly input?: Shape;
  /** REST XML: the root element of a body made of the whole input structure (S3 Control). */
  readonly inputRoot?: { readonly name?: string; readonly xmlNamespace?: RawXmlNamespace };
  readonly output?: Shape;
  /** Query protocol: the `<XResult>` element wrapping the output. */
  readonly resultWrapper?: string;
  /** Error shapes the operation declares, by shape name. */
  readonly errors: readonly Shape[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NUMERIC_ALIASES: Readonly<Record<string, ShapeType>> = {
  byte: 'integer',
  short: 'integer',
  character: 'string',
  bigdecimal: 'double',
  biginteger: 'long',
};

/** A service model with its shapes and operations compiled on first use. */
export class CompiledModel {
  readonly raw: ServiceModel;
  private readonly shapes = new Map<string, Shape>();
  private readonly operations = new Map<string, Operation>();

  constructor(raw: ServiceModel) {
    this.raw = raw;
  }

  operation(name: string): Operation | undefined {
    let op = this.operations.get(name);
    if (op) return op;
    const raw = this.raw.operation(name);
    if (!raw) return undefined;
    op = {
      name,
      method: raw.http.method,
      requestUri: raw.http.requestUri,
      responseCode: raw.http.responseCode,
      deprecated: raw.deprecated === true,
      input: raw.input ? this.shape(raw.input.shape) : undefined,
      inputRoot: raw.input ? { name: raw.input.locationName, xmlNamespace: raw.input.xmlNamespace } : undefined,
      output: raw.output ? this.shape(raw.output.shape) : undefined,
      resultWrapper: raw.output?.resultWrapper,
      errors: (raw.errors ?? []).map((ref) => this.shape(ref.shape)),
    };
    this.operations.set(name, op);
    return op;
  }

  shape(name: string): Shape {
    const cached = this.shapes.get(name);
    if (cached) return cached;
    const raw = this.raw.shape(name);
    const shape: Mutable<Shape> = {
      name,
      type: NUMERIC_ALIASES[raw.type] ?? (raw.type as ShapeType),
      members: [],
      bodyMembers: [],
      memberByName: new Map(),
      required: new Set(raw.required ?? []),
      min: raw.min,
      max: raw.max,
      pattern: raw.pattern === undefined ? undefined : compilePattern(raw.pattern),
      enumValues: raw.enum,
      locationName: raw.locationName,
      xmlNamespace: raw.xmlNamespace,
      timestampFormat: raw.timestampFormat,
      flattened: raw.flattened === true,
      streaming: raw.streaming === true,
      eventstream: raw.eventstream === true,
      sensitive: raw.sensitive === true,
    };
    // Registered before its members are compiled, so recursive shapes resolve to this same object.
    this.shapes.set(name, shape);
    const members = Object.entries(raw.members ?? {}).map(([memberName, ref]) => this.member(memberName, ref));
    shape.members = members;
    shape.bodyMembers = members.filter((m) => m.location === undefined);
    shape.memberByName = new Map(members.map((m) => [m.name, m]));
    if (raw.payload !== undefined) shape.payload = shape.memberByName.get(raw.payload);
    if (raw.member) shape.member = this.member('member', raw.member);
    if (raw.key) shape.key = this.member('key', raw.key);
    if (raw.value) shape.value = this.member('value', raw.value);
    return shape;
  }

  /** The shape of a modelled error whose wire code or shape name is `code`, if the service declares one. */
  errorShape(code: string): Shape | undefined {
    if (this.raw.hasShape(code)) {
      const shape = this.shape(code);
      if (this.raw.shape(code).exception) return shape;
    }
    return undefined;
  }

  private member(name: string, ref: RawMemberRef): Member {
    const target = this.shape(ref.shape);
    const locationName = ref.locationName ?? target.locationName;
    const wireName = locationName ?? name;
    return {
      name,
      shape: target,
      location: ref.location,
      locationName,
      wireName,
      headerName: wireName.toLowerCase(),
      queryName: ref.queryName,
      flattened: ref.flattened ?? target.flattened,
      xmlNamespace: ref.xmlNamespace ?? target.xmlNamespace,
      xmlAttribute: ref.xmlAttribute === true,
      timestampFormat: ref.timestampFormat ?? target.timestampFormat,
      jsonvalue: ref.jsonvalue === true,
      streaming: ref.streaming === true || target.streaming,
      hostLabel: ref.hostLabel === true,
    };
  }
}

/**
 * Model patterns are Java regular expressions matched against the whole value. Unicode mode matches Java's
 * `\p{L}` classes and code-point semantics; the few patterns it rejects (needless escapes such as `\_`) compile
 * without it. Every pattern of today's models compiles one way or the other; a future one that compiles neither
 * way is not enforced rather than rejecting valid input.
 */
function compilePattern(source: string): Shape['pattern'] {
  for (const flags of ['u', '']) {
    try {
      return { source, regex: new RegExp(`^(?:${source})$`, flags) };
    } catch {
      // Try the next mode.
    }
  }
  return undefined;
}

const compiled = new Map<ServiceId, CompiledModel>();

/** The compiled model of a service; compiled once per process (the models are static, read-only data). */
export function compiledModel(service: ServiceId): CompiledModel {
  let model = compiled.get(service);
  if (!model) {
    model = new CompiledModel(loadServiceModel(serviceDescriptor(service).modelFile));
    compiled.set(service, model);
  }
  return model;
}
