// Account aliases live on the accounts table: one per account, unique across every account xacct simulates.
import { AwsError } from '../../../core/aws-error.js';
import type { Database } from '../../../storage/db.js';
import { Accounts } from '../../accounts/accounts.js';

export function aliasOf(db: Database, account: string): string | undefined {
  return new Accounts(db).find(account)?.alias;
}

/** Sets the account's alias, replacing its old one (as AWS does); the caller runs it in a write transaction. */
export function setAlias(db: Database, account: string, alias: string): void {
  const accounts = new Accounts(db);
  if (accounts.list().some((a) => a.alias === alias)) {
    throw new AwsError('EntityAlreadyExists', `The account alias ${alias} already exists.`, { status: 409 });
  }
  accounts.setAlias(account, alias);
}

export function clearAlias(db: Database, account: string): void {
  new Accounts(db).setAlias(account, undefined);
}
