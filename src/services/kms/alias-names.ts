// The rules an alias name must follow before anything is looked up: the `alias/` prefix, no colon, and not the
// `alias/aws/` names reserved for AWS managed keys.
import { AwsError } from '../../core/aws-error.js';
import { isAwsAliasName } from './key-ids.js';
import { validation } from './kms-errors.js';

export function checkAliasName(name: string): void {
  if (!name.startsWith('alias/')) {
    throw validation(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  }
  if (name.includes(':')) throw validation(`${name} contains invalid characters for an alias`);
}

/** Customers may not create, retarget or delete the aliases of AWS managed keys. */
export function checkCustomerAliasName(name: string): void {
  checkAliasName(name);
  if (isAwsAliasName(name)) throw new AwsError('NotAuthorizedException', '');
}
