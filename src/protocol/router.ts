// Claims a request for a service and operation from the request alone: JSON protocols by X-Amz-Target, query
// protocols by Action and Version, REST services (S3, S3 Control) by method, path or host, and query string.
import { AwsError, notImplemented } from '../core/aws-error.js';
import { compiledModel } from './compiled-model.js';
import { parseFormBody } from './query/query-input.js';
import { RestRouteTable } from './rest/rest-routes.js';
import { bucketFromHost } from './rest/s3-host.js';
import {
  isQueryService,
  SERVICE_IDS,
  type ServiceId,
  serviceByApiVersion,
  serviceByTargetPrefix,
  serviceDescriptor,
  servicesBySigningName,
} from './services.js';
import type { Classification, HttpRequest, Protocol, Route, RouteOptions } from './types.js';

/**
 * An error raised while routing. It carries what routing learnt (the service `Version` named, say), so that
 * serializeError writes it in that service's format even when the caller only has the classification.
 */
export class RoutingError extends AwsError {
  readonly target: { readonly protocol: Protocol; readonly service?: ServiceId };

  constructor(
    target: RoutingError['target'],
    code: string,
    message: string,
    options?: ConstructorParameters<typeof AwsError>[2],
  ) {
    super(code, message, options);
    this.target = target;
  }
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const SCOPE_IN_HEADER = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;
const SCOPE_IN_QUERY = /^[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request$/;

/** Decides the protocol (and, when it can, the service) before the body is read. */
export function classifyRequest(req: HttpRequest): Classification {
  const target = req.headers['x-amz-target'];
  if (target !== undefined) {
    const service = serviceByTargetPrefix(target.slice(0, target.lastIndexOf('.')));
    return { protocol: service ? serviceDescriptor(service).protocol : 'json', service, needsBody: false };
  }
  const restByPrefix = SERVICE_IDS.find((id) => {
    const prefix = serviceDescriptor(id).pathPrefix;
    return prefix !== undefined && req.rawPath.startsWith(prefix);
  });
  if (restByPrefix) {
    return { protocol: serviceDescriptor(restByPrefix).protocol, service: restByPrefix, needsBody: false };
  }
  const scoped = servicesBySigningName(credentialScopeService(req) ?? '');
  const queryService = scoped.find(isQueryService);
  const isForm = req.method === 'POST' && isFormContent(req);
  if (queryParam(req, 'Action') !== undefined || queryService || (isForm && isQueryShaped(req))) {
    const version = queryParam(req, 'Version');
    const service = (version !== undefined ? serviceByApiVersion(version) : undefined) ?? queryService;
    const protocol = service ? serviceDescriptor(service).protocol : 'query';
    return { protocol, service, needsBody: req.method === 'POST' };
  }
  const rest = scoped.find((id) => serviceDescriptor(id).pathPrefix === undefined) ?? 's3';
  return { protocol: serviceDescriptor(rest).protocol, service: rest, needsBody: false };
}

/**
 * The service and model operation of the request. `bodyText` is needed when classifyRequest said `needsBody`.
 * Throws the service's own error for an operation it does not have.
 */
export function routeRequest(req: HttpRequest, bodyText?: string, options: RouteOptions = {}): Route {
  const classification = classifyRequest(req);
  switch (classification.protocol) {
    case 'json':
      return routeJson(req);
    case 'query':
    case 'ec2':
      return routeQuery(req, bodyText, classification.service);
    default:
      return routeRest(req, classification.service ?? 's3', options);
  }
}

function routeJson(req: HttpRequest): Route {
  const target = req.headers['x-amz-target'] ?? '';
  const dot = target.lastIndexOf('.');
  const service = serviceByTargetPrefix(target.slice(0, dot));
  const operation = target.slice(dot + 1);
  // AWS answers an unknown target with a bare UnknownOperationException (no message).
  if (!service || dot === -1 || !compiledModel(service).operation(operation)) {
    throw new RoutingError({ protocol: 'json', service }, 'UnknownOperationException', '');
  }
  return { service, protocol: 'json', operation };
}

function routeQuery(req: HttpRequest, bodyText: string | undefined, hinted: ServiceId | undefined): Route {
  const params = new Map<string, string>(req.query);
  // A body signed for a query service is its form even when the client sent no content type.
  const bodyIsForm = isFormContent(req) || hinted !== undefined;
  if (bodyText !== undefined && bodyText !== '' && bodyIsForm) {
    for (const [k, v] of parseFormBody(bodyText)) params.set(k, v);
  }
  const action = params.get('Action');
  const version = params.get('Version');
  const service = (version !== undefined ? serviceByApiVersion(version) : undefined) ?? hinted;
  const target = { protocol: service ? serviceDescriptor(service).protocol : 'query', service } as const;
  if (action === undefined || action === '') throw new RoutingError(target, 'MissingAction', 'Missing Action');
  if (!service || !compiledModel(service).operation(action)) {
    const { code, message } = invalidAction(service, action, version);
    throw new RoutingError(target, code, message);
  }
  return { service, protocol: serviceDescriptor(service).protocol, operation: action, params };
}

export function invalidAction(service: ServiceId | undefined, action: string, version: string | undefined): AwsError {
  if (service && serviceDescriptor(service).protocol === 'ec2') {
    return new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
  }
  return new AwsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
  );
}

const routeTables = new Map<ServiceId, RestRouteTable>();

function routeTable(service: ServiceId): RestRouteTable {
  let table = routeTables.get(service);
  if (!table) {
    table = new RestRouteTable(compiledModel(service));
    routeTables.set(service, table);
  }
  return table;
}

function routeRest(req: HttpRequest, service: ServiceId, options: RouteOptions): Route {
  const hostBucket = service === 's3' ? bucketFromHost(req.headers.host, options.baseHosts) : undefined;
  const pathSegments = req.rawPath.split('/').slice(1);
  const segments = hostBucket === undefined ? pathSegments : [encodeURIComponent(hostBucket), ...pathSegments];
  const query = new Map<string, string>();
  for (const [key, value] of req.query) if (!query.has(key)) query.set(key, value);
  const method = req.method.toUpperCase();
  const match = routeTable(service).match({ method, segments, query, headers: req.headers });
  const protocol = serviceDescriptor(service).protocol;
  if (!match) {
    const { code, message, status, extra } = restNoRoute(service, method, segments);
    throw new RoutingError({ protocol, service }, code, message, { status, extra });
  }
  const { labels } = match;
  if (!labels) throw new RoutingError({ protocol, service }, 'InvalidURI', "Couldn't parse the specified URI.");
  if (service !== 's3') return { service, protocol, operation: match.op.name, labels };
  const addressing = hostBucket === undefined ? 'path' : 'virtual-host';
  return { service, protocol, operation: match.op.name, labels, bucket: labels.Bucket, key: labels.Key, addressing };
}

function restNoRoute(service: ServiceId, method: string, segments: readonly string[]): AwsError {
  if (!routeTable(service).matchesPath(segments)) {
    return notImplemented();
  }
  const parts = segments.filter((s, i) => s !== '' || i < segments.length - 1);
  const resourceType = parts.length === 0 || parts[0] === '' ? 'SERVICE' : parts.length === 1 ? 'BUCKET' : 'OBJECT';
  return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
    status: 405,
    extra: { Method: method, ResourceType: resourceType },
  });
}

/**
 * A form POST is a query request when it goes to `/` with nothing in the URL: every S3 POST names a subresource in
 * the query string (`?delete`, `?uploads`, ...) or sends multipart/form-data (browser uploads).
 */
function isQueryShaped(req: HttpRequest): boolean {
  return req.rawPath === '/' && req.query.length === 0;
}

function isFormContent(req: HttpRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_CONTENT_TYPE);
}

function queryParam(req: HttpRequest, name: string): string | undefined {
  for (const [key, value] of req.query) if (key === name) return value;
  return undefined;
}

/** The service named in the SigV4 credential scope (header or presigned URL); unverified, used only to route. */
function credentialScopeService(req: HttpRequest): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) return SCOPE_IN_HEADER.exec(header)?.[1];
  const credential = queryParam(req, 'X-Amz-Credential');
  return credential === undefined ? undefined : SCOPE_IN_QUERY.exec(credential)?.[1];
}
