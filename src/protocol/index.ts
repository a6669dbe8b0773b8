// The protocol layer's facade for the server pipeline: route a request, parse its input from the wire using the
// service model, and serialize outputs and errors in each protocol's exact format. Handlers never see the wire.
import { AwsError, notImplemented } from '../core/aws-error.js';
import { compiledModel, type Operation, type Shape } from './compiled-model.js';
import { JsonShapeError, readJsonStructure } from './json/json-codec.js';
import { writeJsonError, writeJsonOutput } from './json/json-output.js';
import { parseFormBody, readQueryInput } from './query/query-input.js';
import { writeQueryError, writeQueryOutput } from './query/query-output.js';
import { s3RequestHeaders, writeRestJsonError, writeRestXmlError } from './rest/rest-error.js';
import { type RestBody, readRestInput } from './rest/rest-input.js';
import { writeRestOutput } from './rest/rest-output.js';
import { invalidAction, RoutingError } from './router.js';
import { type ServiceId, serviceDescriptor } from './services.js';
import type { ErrorMeta, HttpRequest, HttpResponse, Protocol, ResponseMeta, Route, Shaped } from './types.js';
import { findViolations } from './validate.js';
import { MALFORMED_XML, validationError, WireValueError, wireValueError } from './validation-error.js';
import { XmlShapeError } from './xml/xml-reader.js';

export { type PostObjectForm, readPostObjectForm } from './rest/post-object-form.js';
export { classifyRequest, RoutingError, routeRequest } from './router.js';
export type { ServiceId } from './services.js';
export type * from './types.js';

/**
 * The operation's input read from the wire and validated against the model. `body` is the buffered body, or the
 * raw stream when `streamsInputBody(route)` says the payload streams (S3 object uploads); that stream is handed
 * to the handler untouched.
 */
export function parseInput(route: Route, req: HttpRequest, body: Buffer | NodeJS.ReadableStream): Shaped {
  const op = operationOf(route);
  const input = readInput(route, op, req, body);
  if (op.input) validate(route.service, op.input, input);
  return input;
}

/** Whether the operation's payload is a stream the pipeline must not buffer. */
export function streamsInputBody(route: Route): boolean {
  const payload = operationOf(route).input?.payload;
  return payload?.streaming === true;
}

export function serializeOutput(route: Route, output: Shaped, meta: ResponseMeta): HttpResponse {
  const op = operationOf(route);
  const descriptor = serviceDescriptor(route.service);
  switch (route.protocol) {
    case 'query':
    case 'ec2':
      return writeQueryOutput(op, output, route.protocol, descriptor.xmlNamespace, meta.requestId);
    case 'json':
      return writeJsonOutput(op, output, jsonContentType(route.service), meta.requestId);
    case 'rest-xml': {
      const response = writeRestOutput(op, output, {
        format: 'xml',
        xmlNamespace: descriptor.xmlNamespace,
        head: op.method === 'HEAD',
      });
      Object.assign(response.headers, s3RequestHeaders(meta));
      return response;
    }
    case 'rest-json': {
      const response = writeRestOutput(op, output, { format: 'json', head: op.method === 'HEAD' });
      response.headers['x-amzn-RequestId'] = meta.requestId;
      return response;
    }
  }
}

/** Where an error is going: a routed request, or only what classifyRequest knew (protocol and maybe service). */
export type ErrorTarget = Route | { readonly protocol: Protocol; readonly service?: ServiceId } | Protocol;

export function serializeError(target: ErrorTarget, error: AwsError, meta: ErrorMeta): HttpResponse {
  const known = error instanceof RoutingError ? error.target : target;
  const { protocol, service } = typeof known === 'string' ? { protocol: known, service: undefined } : known;
  const descriptor = service ? serviceDescriptor(service) : undefined;
  switch (protocol) {
    case 'query':
    case 'ec2':
      return writeQueryError(error, protocol, descriptor?.xmlNamespace, meta.requestId);
    case 'json':
      return writeJsonError(
        error,
        {
          contentType: service ? jsonContentType(service) : 'application/x-amz-json-1.1',
          model: service ? compiledModel(service) : undefined,
          defaultMessageKey: descriptor?.jsonMessageKey ?? 'message',
        },
        meta.requestId,
      );
    case 'rest-xml':
      return writeRestXmlError(error, descriptor?.restXmlErrorRoot ?? 'Error', meta);
    case 'rest-json':
      return writeRestJsonError(error, meta);
  }
}

/** The error AWS gives for an operation the model has but xacct does not serve, in the protocol's words. */
export function unsupportedOperationError(route: Route): AwsError {
  switch (route.protocol) {
    case 'query':
    case 'ec2':
      return invalidAction(route.service, route.operation, serviceDescriptor(route.service).apiVersion);
    case 'json':
      return new AwsError('UnknownOperationException', '');
    default:
      return notImplemented();
  }
}

function operationOf(route: Route): Operation {
  const op = compiledModel(route.service).operation(route.operation);
  if (!op) throw new Error(`${route.service} has no operation ${route.operation}`);
  return op;
}

function jsonContentType(service: ServiceId): string {
  return `application/x-amz-json-${serviceDescriptor(service).jsonTarget?.version ?? '1.1'}`;
}

function readInput(route: Route, op: Operation, req: HttpRequest, body: Buffer | NodeJS.ReadableStream): Shaped {
  try {
    switch (route.protocol) {
      case 'query':
      case 'ec2':
        return op.input ? readQueryInput(op.input, route.params ?? queryParams(req, body), route.protocol) : {};
      case 'json':
        return op.input ? readJsonStructure(op.input, parseJsonBody(body)) : {};
      default: {
        const format = route.protocol === 'rest-xml' ? 'xml' : 'json';
        return readRestInput(op, req, body as RestBody, { format, labels: route.labels ?? {} });
      }
    }
  } catch (error) {
    throw wireError(route.service, error);
  }
}

function wireError(service: ServiceId, error: unknown): unknown {
  if (error instanceof WireValueError) return wireValueError(service, error);
  if (error instanceof XmlShapeError) return new AwsError('MalformedXML', MALFORMED_XML);
  if (error instanceof JsonShapeError) return new AwsError('SerializationException', error.message);
  return error;
}

function parseJsonBody(body: Buffer | NodeJS.ReadableStream): unknown {
  const text = bufferedText(body);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    // AWS answers a body that is not JSON with a bare SerializationException.
    throw new AwsError('SerializationException', '');
  }
}

function queryParams(req: HttpRequest, body: Buffer | NodeJS.ReadableStream): Map<string, string> {
  const params = new Map<string, string>(req.query);
  for (const [k, v] of parseFormBody(bufferedText(body))) params.set(k, v);
  return params;
}

function bufferedText(body: Buffer | NodeJS.ReadableStream): string {
  if (!Buffer.isBuffer(body)) throw new Error('query and JSON request bodies must be buffered before parsing');
  return body.toString('utf8');
}

function validate(service: ServiceId, shape: Shape, input: Shaped) {
  const { payload } = shape;
  // S3 names an absent body for what it is rather than as a missing member.
  if (serviceDescriptor(service).validation.style === 's3' && payload && shape.required.has(payload.name)) {
    if (input[payload.name] === undefined) throw new AwsError('MissingRequestBodyError', 'Request Body is empty');
  }
  const error = validationError(service, findViolations(shape, input));
  if (error) throw error;
}
