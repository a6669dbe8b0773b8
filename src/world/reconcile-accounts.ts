// Accounts: an account exists on the server from its root's first signed request, so "creating" one is a call
// as its root (which also proves the root secret is right); its alias is IAM's account alias.
import { CreateAccountAliasCommand, DeleteAccountAliasCommand, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { markCreated, markUpdated } from './apply-log.js';
import { mutate, type ReconcileContext } from './reconcile-context.js';
import type { WorldAccount } from './world-types.js';

/** `known`: the accounts the server already had before this run (from its admin API). */
export async function reconcileAccount(
  ctx: ReconcileContext,
  account: WorldAccount,
  known: ReadonlySet<string>,
): Promise<void> {
  const change = ctx.log.resource(account.id, 'account', account.id);
  if (!known.has(account.id)) markCreated(change);
  await mutate(ctx, () => ctx.clients.sts(account.id).send(new GetCallerIdentityCommand({})));
  if (account.alias === undefined) return;
  const iam = ctx.clients.iam(account.id);
  const current = ctx.readable(account.id)
    ? (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0]
    : undefined;
  if (current === account.alias) return;
  const AccountAlias = account.alias;
  // An account has at most one alias; the world's replaces the one it has.
  if (current !== undefined)
    await mutate(ctx, () => iam.send(new DeleteAccountAliasCommand({ AccountAlias: current })));
  await mutate(ctx, () => iam.send(new CreateAccountAliasCommand({ AccountAlias })));
  markUpdated(change, `alias ${AccountAlias}`);
}
