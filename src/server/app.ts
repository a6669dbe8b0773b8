// createApp(deps): the whole server as a value. Storage, clock and configuration come in; a request handler
// and a close function go out. Tests build one in memory in milliseconds; `xacct serve` puts it on a socket.

import { Trail } from '../audit/trail.js';
import { SigningKeyCache } from '../auth/sigv4/index.js';
import type { Clock } from '../core/clock.js';
import type { HttpResponse } from '../protocol/index.js';
import { Accounts } from '../services/accounts/accounts.js';
import { rootCredentialSource } from '../services/accounts/root-credentials.js';
import { createIamService } from '../services/iam/index.js';
import { createKmsService } from '../services/kms/index.js';
import { createOrganizationsService } from '../services/organizations/index.js';
import { createRdsService } from '../services/rds/index.js';
import { createS3Service } from '../services/s3/index.js';
import { createS3ControlService } from '../services/s3control/index.js';
import { createStsService } from '../services/sts/index.js';
import type { ServerConfig, ServiceDeps, ServiceFactory, ServiceModule } from '../services/types.js';
import type { Storage } from '../storage/index.js';
import { handleAdmin, isAdminPath } from './admin.js';
import { AppDirectory } from './directory.js';
import type { Logger } from './logger.js';
import { createOidcRoutes } from './oidc-routes.js';
import { type IncomingRequest, runPipeline } from './pipeline.js';

export interface AppDeps {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly config: ServerConfig;
  readonly log: Logger;
  /** When set, the admin API (except health) requires `Authorization: Bearer <token>`. */
  readonly adminToken?: string | undefined;
  /** Host names the server answers on, for virtual-host-style S3 addressing. */
  readonly baseHosts?: readonly string[];
}

export interface App {
  handle(request: IncomingRequest): Promise<HttpResponse>;
  readonly trail: Trail;
  readonly accounts: Accounts;
  readonly deps: ServiceDeps;
  /** Lets each service prepare its state; call once before accepting requests. */
  start(): Promise<void>;
  close(): void;
}

/** Every service the server speaks. The order matters only for credential sources: first match wins. */
const SERVICE_FACTORIES: readonly ServiceFactory[] = [
  createStsService,
  createIamService,
  createOrganizationsService,
  createS3Service,
  createS3ControlService,
  createKmsService,
  createRdsService,
];

export function createApp(deps: AppDeps): App {
  const directory = new AppDirectory();
  directory.addCredentialSource(rootCredentialSource(deps.config.rootSecret));
  const serviceDeps: ServiceDeps = {
    storage: deps.storage,
    clock: deps.clock,
    config: deps.config,
    directory,
  };
  const services = new Map<string, ServiceModule>();
  for (const factory of SERVICE_FACTORIES) {
    const service = factory(serviceDeps, directory);
    services.set(service.id, service);
  }
  const trail = new Trail(deps.storage.db);
  const oidc = createOidcRoutes(serviceDeps);
  const accounts = new Accounts(deps.storage.db);
  const pipelineDeps = {
    services,
    serviceDeps,
    accounts,
    keyCache: new SigningKeyCache(),
    clock: deps.clock,
    baseHosts: deps.baseHosts ?? ['localhost', '127.0.0.1', 's3.localhost.localstack.cloud'],
    log: deps.log,
    recorder: (event: Parameters<Trail['record']>[0]) => {
      trail.record(event);
      deps.log.info({
        msg: 'request',
        eventId: event.eventId,
        principal: event.principal,
        action: event.action,
        resource: event.resource,
        decision: event.decision,
        status: event.status,
        errorCode: event.errorCode,
      });
    },
  };
  return {
    trail,
    accounts,
    deps: serviceDeps,
    handle: (request) =>
      isAdminPath(request.http.rawPath)
        ? handleAdmin(request, { trail, accounts, config: deps.config, adminToken: deps.adminToken, oidc })
        : runPipeline(pipelineDeps, request),
    start: async () => {
      for (const service of services.values()) await service.start?.();
    },
    close: () => trail.close(),
  };
}
