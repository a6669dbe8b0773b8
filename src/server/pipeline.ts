// The one linear request function: route -> authenticate -> parse -> authorize -> handle -> serialize -> record.
// Every step either passes its result on or throws an AwsError, which the protocol layer serializes; anything
// else is a bug, logged and answered with the service's InternalError rather than a dropped connection (so is a
// response with a header HTTP cannot carry).
import type { Readable } from 'node:stream';
import type { TrailEvent } from '../audit/trail-event.js';
import { checkPayloadHash, type SigningKeyCache, sha256Hex } from '../auth/sigv4/index.js';
import { AwsError } from '../core/aws-error.js';
import type { Clock } from '../core/clock.js';
import { newRequestId, newS3RequestId } from '../core/ids.js';
import type { Decision } from '../policy/index.js';
import {
  classifyRequest,
  type ErrorTarget,
  type HttpRequest,
  type HttpResponse,
  parseInput,
  type Route,
  routeRequest,
  serializeError,
  serializeOutput,
  streamsInputBody,
  unsupportedOperationError,
} from '../protocol/index.js';
import { serviceDescriptor } from '../protocol/services.js';
import type { Accounts } from '../services/accounts/accounts.js';
import type { AuthorizationTarget, CallContext, Caller, ServiceDeps, ServiceModule } from '../services/types.js';
import { authenticate, checkIamSessionCredentials, flavourOf } from './authenticate.js';
import { RequestAuthorizer } from './authorizer.js';
import type { RequestFacts } from './condition-context.js';
import { EventRecorder } from './event-recorder.js';
import type { Logger } from './logger.js';
import { discardBody, invalidResponseHeader } from './response-headers.js';

export interface IncomingRequest {
  readonly http: HttpRequest;
  readonly body: Readable;
  readonly remoteAddress: string;
  readonly secure: boolean;
}

export interface PipelineDeps {
  readonly services: ReadonlyMap<string, ServiceModule>;
  readonly serviceDeps: ServiceDeps;
  readonly accounts: Accounts;
  readonly recorder: (event: TrailEvent) => void;
  readonly keyCache: SigningKeyCache;
  readonly clock: Clock;
  readonly baseHosts: readonly string[];
  readonly log: Logger;
}

export async function runPipeline(deps: PipelineDeps, incoming: IncomingRequest): Promise<HttpResponse> {
  const { http } = incoming;
  const now = deps.clock.now();
  const classification = classifyRequest(http);
  const requestId = classification.protocol === 'rest-xml' ? newS3RequestId() : newRequestId();
  const event = new EventRecorder(now, requestId, incoming, deps.recorder);
  let target: ErrorTarget = classification;
  let response: HttpResponse;
  try {
    const bodyText = classification.needsBody ? (await readAll(incoming.body)).toString('utf8') : undefined;
    const route = routeRequest(http, bodyText, { baseHosts: deps.baseHosts });
    target = route;
    event.routed(route);
    response = await serve(deps, incoming, route, bodyText, now, requestId, event);
  } catch (error) {
    const awsError = toAwsError(error, deps.log, requestId);
    event.failed(awsError);
    response = serializeError(target, awsError, { requestId, method: http.method });
  }
  if (typeof target === 'object' && 'operation' in target) {
    deps.services.get(target.service)?.decorateResponse?.(target, http, response);
  }
  const invalid = invalidResponseHeader(response.headers);
  if (invalid !== undefined) {
    discardBody(response.body);
    const awsError = toAwsError(new Error(`response header ${invalid} cannot be written`), deps.log, requestId);
    event.failed(awsError);
    response = serializeError(target, awsError, { requestId, method: http.method });
  }
  response.headers['x-xacct-event-id'] = event.eventId;
  event.finish(response.status);
  return response;
}

async function serve(
  deps: PipelineDeps,
  incoming: IncomingRequest,
  route: Route,
  bodyText: string | undefined,
  now: number,
  requestId: string,
  event: EventRecorder,
): Promise<HttpResponse> {
  const service = deps.services.get(route.service);
  const operation = service?.operations[route.operation];
  if (service === undefined || operation === undefined) throw unsupportedOperationError(route);
  const body =
    bodyText !== undefined
      ? Buffer.from(bodyText)
      : streamsInputBody(route)
        ? incoming.body
        : await readAll(incoming.body);
  const flavour = flavourOf(route.protocol);
  const authenticated = authenticate(incoming.http, {
    flavour,
    signingName: serviceDescriptor(route.service).signingName,
    allowAnonymous: operation.allowAnonymous === true,
    now,
    body: Buffer.isBuffer(body) ? body : undefined,
    sources: deps.serviceDeps.directory.credentialSources,
    keyCache: deps.keyCache,
  });
  const declared = authenticated.verified?.payloadHash;
  // S3 signs a body by its declared SHA-256, so a buffered body must match it (streamed bodies are checked as read).
  if (flavour === 's3' && declared?.length === 64 && Buffer.isBuffer(body)) checkPayloadHash(declared, sha256Hex(body));
  const caller = withCanonicalUser(deps, authenticated.caller, now);
  event.authenticated(caller);
  if (route.service === 'iam') checkIamSessionCredentials(caller);
  const input = parseInput(route, incoming.http, body);
  const facts: RequestFacts = {
    now,
    sourceIp: incoming.remoteAddress,
    userAgent: incoming.http.headers['user-agent'] ?? '',
    secureTransport: incoming.secure,
    region: authenticated.region ?? deps.serviceDeps.config.region,
    referer: incoming.http.headers.referer,
  };
  const authorizer = new RequestAuthorizer(
    caller,
    facts,
    deps.serviceDeps.directory,
    (t: AuthorizationTarget, d: Decision) => event.decided(t, d),
    service.accessDenied,
  );
  const call: CallContext = {
    caller,
    route,
    http: incoming.http,
    signature: authenticated.verified,
    body: Buffer.isBuffer(body) ? body : undefined,
    region: facts.region,
    requestId,
    now,
    sourceIp: facts.sourceIp,
    userAgent: facts.userAgent,
    secureTransport: facts.secureTransport,
    deps: deps.serviceDeps,
    authorize: (t) => authorizer.require(t),
    check: (t) => authorizer.check(t),
  };
  const targets = operation.authorization?.(input, call);
  if (targets !== undefined) for (const t of Array.isArray(targets) ? targets : [targets]) authorizer.require(t);
  const output = await operation.handle(input, call);
  return serializeOutput(route, output, { requestId });
}

/** The caller's account exists from its first verified request on; S3 matches CanonicalUser principals by it. */
function withCanonicalUser(deps: PipelineDeps, caller: Caller, now: number): Caller {
  if (caller.account === undefined) return caller;
  const account = deps.accounts.ensure(caller.account, now);
  return { ...caller, principal: { ...caller.principal, canonicalUserId: account.canonicalUserId } };
}

function toAwsError(error: unknown, log: Logger, requestId: string): AwsError {
  if (error instanceof AwsError) return error;
  log.error({ msg: 'internal error', requestId, error: error instanceof Error ? error.stack : String(error) });
  return new AwsError('InternalError', 'We encountered an internal error. Please try again.', { status: 500 });
}

/** The whole body, read with stream events: cheaper than an async iterator for the small bodies read this way. */
function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
    stream.once('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    stream.once('error', reject);
    // Before 'end' the client went away mid-body. After it, nothing: an Error (and its stack) on every request
    // cost 5% of a small GET.
    stream.once('close', () => {
      if (!ended) reject(new Error('the request closed before its body ended'));
    });
  });
}
