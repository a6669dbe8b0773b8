// AWS Organizations: organizations, OUs, accounts, handshakes and policies; and for the pipeline, every account's
// organization with its SCP and RCP chains.
import { AwsError } from '../../core/aws-error.js';
import { Accounts } from '../accounts/accounts.js';
import type { ServiceFactory } from '../types.js';
import { MembershipCache } from './membership-cache.js';
import { organizationsOperations } from './operations.js';
import { OrgStore } from './store/org-store.js';

export const createOrganizationsService: ServiceFactory = (deps, registry) => {
  const store = new OrgStore(deps.storage.db);
  const memberships = new MembershipCache(store);
  registry.provideOrganizations((account) => memberships.membership(account));
  return {
    id: 'organizations',
    operations: organizationsOperations({ store, accounts: new Accounts(deps.storage.db), deps }),
    accessDenied: (message) => new AwsError('AccessDeniedException', message),
  };
};
