// The AWS managed Organizations policies: FullAWSAccess (SCP) and RCPFullAWSAccess (RCP). AWS attaches them to the
// root, every OU and every account while their policy type is enabled; they cannot be changed or deleted, and
// RCPFullAWSAccess cannot even be detached.
import { awsManagedPolicyArn } from './org-ids.js';

export interface ManagedPolicy {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly description: string;
  readonly arn: string;
  readonly content: string;
  readonly detachable: boolean;
}

function managed(id: string, type: string, name: string, statement: string, detachable: boolean): ManagedPolicy {
  return {
    id,
    type,
    name,
    description: 'Allows access to every operation',
    arn: awsManagedPolicyArn(type, id),
    content: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${statement}\n    }\n  ]\n}`,
    detachable,
  };
}

export const FULL_AWS_ACCESS = managed(
  'p-FullAWSAccess',
  'SERVICE_CONTROL_POLICY',
  'FullAWSAccess',
  '      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"',
  true,
);

export const RCP_FULL_AWS_ACCESS = managed(
  'p-RCPFullAWSAccess',
  'RESOURCE_CONTROL_POLICY',
  'RCPFullAWSAccess',
  '      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "*",\n      "Resource": "*"',
  false,
);

const BY_ID = new Map([FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS].map((p) => [p.id, p]));

export function managedPolicy(id: string): ManagedPolicy | undefined {
  return BY_ID.get(id);
}

/** The managed policy AWS attaches everywhere when `type` is enabled, if the type has one. */
export function defaultPolicyOf(type: string): ManagedPolicy | undefined {
  if (type === FULL_AWS_ACCESS.type) return FULL_AWS_ACCESS;
  if (type === RCP_FULL_AWS_ACCESS.type) return RCP_FULL_AWS_ACCESS;
  return undefined;
}

export function managedPoliciesOfType(type: string): readonly ManagedPolicy[] {
  const policy = defaultPolicyOf(type);
  return policy === undefined ? [] : [policy];
}
