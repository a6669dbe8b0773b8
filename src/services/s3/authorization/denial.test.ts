import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../policy/index.js';
import type { CallContext, Caller, OrganizationMembership } from '../../types.js';
import { s3DeniedError } from './denial.js';

const ORG: OrganizationMembership = {
  organizationId: 'o-abc123',
  managementAccount: '999999999999',
  path: '',
  scp: undefined,
  rcp: undefined,
};
const members: Record<string, OrganizationMembership> = { '111111111111': ORG, '222222222222': ORG };

function callFrom(account: string): CallContext {
  const caller = {
    kind: 'user',
    principal: { type: 'User', arn: `arn:aws:iam::${account}:user/u`, account },
    account,
  } as unknown as Caller;
  return { caller, deps: { directory: { organizationOf: (a: string) => members[a] } } } as unknown as CallContext;
}

const SCP_ARN = 'arn:aws:organizations::999999999999:policy/o-abc123/service_control_policy/p-deny1234';
const implicit = { decision: 'ImplicitDeny', deniedBy: 'resource-based', matched: [] } as unknown as Decision;
const explicit = {
  decision: 'ExplicitDeny',
  deniedBy: 'service control',
  matched: [{ policyType: 'service control', policyId: SCP_ARN, statementIndex: 0, sid: null, effect: 'Deny' }],
} as unknown as Decision;

describe('S3 denial errors', () => {
  it('tells callers of the owner`s organization why, with the resource quoted', () => {
    const call = callFrom('222222222222');
    const error = s3DeniedError(call, '111111111111', 's3:GetObject', 'arn:aws:s3:::b/k')(implicit, call.caller);
    expect(error.message).toBe(
      'User: arn:aws:iam::222222222222:user/u is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no resource-based policy allows the s3:GetObject action',
    );
    const scp = s3DeniedError(call, '111111111111', 's3:GetObject', 'arn:aws:s3:::b/k')(explicit, call.caller);
    expect(scp.message).toMatch(new RegExp(`with an explicit deny in a service control policy: ${SCP_ARN}$`));
  });

  it('tells everyone else only "Access Denied"', () => {
    const call = callFrom('333333333333');
    const error = s3DeniedError(call, '111111111111', 's3:GetObject', 'arn:aws:s3:::b/k')(implicit, call.caller);
    expect({ code: error.code, message: error.message, status: error.status }).toEqual({
      code: 'AccessDenied',
      message: 'Access Denied',
      status: 403,
    });
  });
});
