// The resources Organizations tags: the root, OUs, accounts and customer policies of the caller's organization.

import type { OrgEnv } from './org-env.js';
import { orgError } from './org-errors.js';
import { kindOfId } from './org-ids.js';
import { findNode } from './org-tree.js';
import type { OrganizationRecord } from './store/records.js';

/** The resource id, once it is known to name a taggable resource of the organization. */
export function findTaggable(env: OrgEnv, org: OrganizationRecord, id: string): string {
  const found =
    kindOfId(id) === 'policy'
      ? env.store.policies.byId(id)?.organizationId === org.id
      : findNode(env.store, org, id) !== undefined;
  if (!found) throw orgError('TargetNotFoundException');
  return id;
}
