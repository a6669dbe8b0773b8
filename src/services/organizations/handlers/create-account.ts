// CreateAccount: a new account joins the organization under its root, with a role its management account can
// assume (OrganizationAccountAccessRole unless RoleName says otherwise) holding AdministratorAccess, as AWS sets
// it up. AWS creates accounts asynchronously: the answer is the request IN_PROGRESS, as AWS answers; here it has
// already SUCCEEDED (or FAILED) when the call returns, which DescribeCreateAccountStatus tells.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { invalidInput } from '../org-errors.js';
import { newAccountId, newCreateAccountRequestId } from '../org-ids.js';
import type { CreateAccountRequestRecord, OrganizationRecord } from '../store/records.js';
import { readTags } from '../tag-input.js';
import { addMember } from '../tree-changes.js';
import { createAccountRequestedView } from '../views.js';

const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

export function createAccount(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const email = input.Email as string;
  const name = input.AccountName as string;
  const roleName = (input.RoleName as string | undefined) ?? DEFAULT_ROLE_NAME;
  if (roleName.startsWith('AWSServiceRoleFor')) throw invalidInput('INVALID_ROLE_NAME');
  const tags = readTags(input.Tags);
  const base = { id: newCreateAccountRequestId(), organizationId: org.id, accountName: name, requestedAt: call.now };
  if (env.store.members.emailTaken(email)) {
    const failed: CreateAccountRequestRecord = {
      ...base,
      state: 'FAILED',
      completedAt: call.now,
      accountId: null,
      failureReason: 'EMAIL_ALREADY_EXISTS',
    };
    env.store.write(() => env.store.handshakes.insertRequest(failed));
    return { CreateAccountStatus: createAccountRequestedView(failed) };
  }
  const account = unusedAccountId(env);
  const request: CreateAccountRequestRecord = {
    ...base,
    state: 'SUCCEEDED',
    completedAt: call.now,
    accountId: account,
    failureReason: null,
  };
  env.store.write(() => {
    env.accounts.ensure(account, call.now);
    addMember(env.store, org, {
      id: account,
      organizationId: org.id,
      parentId: org.rootId,
      name,
      email,
      joinedMethod: 'CREATED',
      joinedAt: call.now,
    });
    env.store.tags.put(org.id, account, tags);
    env.store.handshakes.insertRequest(request);
    createAccessRole(env, org, account, roleName);
  });
  return { CreateAccountStatus: createAccountRequestedView(request) };
}

function unusedAccountId(env: OrgEnv): string {
  for (;;) {
    const id = newAccountId();
    if (env.accounts.find(id) === undefined && env.store.members.byId(id) === undefined) return id;
  }
}

function createAccessRole(env: OrgEnv, org: OrganizationRecord, account: string, roleName: string): void {
  const trustPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${org.managementAccount}:root` }, Action: 'sts:AssumeRole' },
    ],
  });
  env.deps.directory.identities.createRole({
    account,
    name: roleName,
    trustPolicy,
    managedPolicyArns: [ADMINISTRATOR_ACCESS],
  });
}
