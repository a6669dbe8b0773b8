// Applies a world to a running server, in dependency order across all accounts: accounts, the organization,
// managed policies, groups, users, roles (trust policies may name users of any account), then buckets (bucket
// policies may name roles of any account). Reads first, changes only what differs, never deletes.
import { ApplyLog, markCreated } from './apply-log.js';
import { reconcileAccount } from './reconcile-accounts.js';
import { reconcileBuckets } from './reconcile-buckets.js';
import type { ReconcileContext } from './reconcile-context.js';
import { reconcileManagedPolicies } from './reconcile-managed-policies.js';
import { reconcileOrganization } from './reconcile-organization.js';
import { reconcileRoles } from './reconcile-roles.js';
import { reconcileGroups, reconcileUsers } from './reconcile-users.js';
import { type ApplyTarget, WorldClients } from './world-clients.js';
import type { World, WorldAccount } from './world-types.js';

export interface ApplyOptions extends Omit<ApplyTarget, 'region'> {
  readonly dryRun: boolean;
  /** Accounts the server knew before this run. */
  readonly knownAccounts: ReadonlySet<string>;
}

/** Applying stopped at a resource; `log` holds what was done before (including access keys already created). */
export class ApplyFailure extends Error {
  override readonly name = 'ApplyFailure';

  constructor(
    message: string,
    readonly log: ApplyLog,
  ) {
    super(message);
  }
}

const ACCOUNT_PHASES: readonly ((ctx: ReconcileContext, account: WorldAccount) => Promise<void>)[] = [
  reconcileManagedPolicies,
  reconcileGroups,
  reconcileUsers,
  reconcileRoles,
  reconcileBuckets,
];

export async function applyWorld(world: World, options: ApplyOptions): Promise<ApplyLog> {
  const log = new ApplyLog(options.dryRun);
  const clients = new WorldClients({
    endpoint: options.endpoint,
    rootSecret: options.rootSecret,
    region: world.region,
  });
  const known = options.knownAccounts;
  const readable = (account: string) => !options.dryRun || known.has(account);
  const ctx: ReconcileContext = { clients, log, region: world.region, readable };
  try {
    for (const account of world.accounts) await reconcileAccount(ctx, account, known);
    if (world.organization !== undefined) await reconcileOrganization(ctx, world.organization);
    for (const phase of ACCOUNT_PHASES) {
      for (const account of world.accounts) if (readable(account.id)) await phase(ctx, account);
    }
    for (const account of world.accounts) if (!readable(account.id)) logEverythingCreated(log, account);
    return log;
  } catch (error) {
    throw new ApplyFailure(failureMessage(log, error), log);
  } finally {
    clients.destroy();
  }
}

/** A dry run for an account the server does not know: all of it would be created. */
function logEverythingCreated(log: ApplyLog, account: WorldAccount): void {
  const kinds = [
    ['policy', account.policies],
    ['group', account.groups],
    ['user', account.users],
    ['role', account.roles],
    ['bucket', account.buckets],
  ] as const;
  for (const [kind, items] of kinds) for (const item of items) markCreated(log.resource(account.id, kind, item.name));
}

/** The resource being worked on is the last one logged; the error is the service's code and message. */
function failureMessage(log: ApplyLog, error: unknown): string {
  const at = log.changes.at(-1);
  const where = at === undefined ? '' : `${at.kind} ${at.name} in account ${at.account}: `;
  if (!(error instanceof Error)) return `${where}${String(error)}`;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = error.name === 'Error' || error.name === 'OrganizationConflict' ? '' : `${error.name}: `;
  return `${where}${code}${error.message}${status === undefined ? '' : ` (HTTP ${status})`}`;
}
