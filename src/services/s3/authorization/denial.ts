// S3's access-denied errors (S3 UG, "Troubleshoot access denied (403 Forbidden) errors"): callers in the bucket
// owner's account or organization read which policy type denied them and why; everyone else reads `Access Denied`.
import { AwsError } from '../../../core/aws-error.js';
import { type Decision, denialMessage, namedDenyingPolicy } from '../../../policy/index.js';
import type { CallContext, Caller } from '../../types.js';

export function plainAccessDenied(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', { status: 403 });
}

/** `User: <arn> is not authorized to perform: <action>[ on resource: "<arn>"] <reason>`, S3's quoted form. */
function s3DenialText(caller: Caller, action: string, resource: string, reason: string): string {
  const on = resource === '*' ? '' : ` on resource: "${resource}"`;
  return `User: ${caller.principal.arn} is not authorized to perform: ${action}${on} ${reason}`;
}

/**
 * The reason part of the engine's decision (`because no ... allows ...` or `with an explicit deny in ...`, naming the
 * denying policy's ARN where AWS does; only insiders read it, who share the RCP's organization).
 */
function denialReason(caller: Caller, action: string, decision: Decision): string {
  const type = decision.deniedBy ?? 'identity-based';
  const explicit = decision.decision === 'ExplicitDeny';
  const named = explicit ? namedDenyingPolicy(type, decision.matched[0]?.policyId, true) : undefined;
  const full = denialMessage(caller.principal.arn, action, '*', explicit, type, named);
  const head = `User: ${caller.principal.arn} is not authorized to perform: ${action} `;
  return full.slice(head.length);
}

/** Whether S3 tells this caller why: same account as the resource owner, or same organization. */
function seesDetailedDenials(call: CallContext, resourceOwner: string): boolean {
  const account = call.caller.account;
  if (account === undefined) return false;
  if (account === resourceOwner) return true;
  const directory = call.deps.directory;
  const mine = directory.organizationOf(account);
  return mine !== undefined && mine.organizationId === directory.organizationOf(resourceOwner)?.organizationId;
}

/** The deniedError of an S3 target: detailed for insiders, plain otherwise. */
export function s3DeniedError(
  call: CallContext,
  resourceOwner: string,
  action: string,
  resource: string,
): (decision: Decision, caller: Caller) => AwsError {
  return (decision, caller) => {
    if (!seesDetailedDenials(call, resourceOwner)) return plainAccessDenied();
    const reason = denialReason(caller, action, decision);
    return new AwsError('AccessDenied', s3DenialText(caller, action, resource, reason), { status: 403 });
  };
}

export const BLOCKED_PUBLIC_POLICY =
  'because public policies are blocked by the BlockPublicPolicy block public access setting.';
export const BLOCKED_PUBLIC_ACLS =
  'because public access control lists (ACLs) are blocked by the BlockPublicAcls block public access setting.';

/** A write Block Public Access refuses; insiders are told which setting refused it. */
export function publicAccessBlocked(
  call: CallContext,
  resourceOwner: string,
  action: string,
  resource: string,
  reason: string,
): AwsError {
  if (!seesDetailedDenials(call, resourceOwner)) return plainAccessDenied();
  return new AwsError('AccessDenied', s3DenialText(call.caller, action, resource, reason), { status: 403 });
}
