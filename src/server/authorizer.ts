// Authorization in the pipeline: gathers the policies that apply to one target (the caller's identity policies,
// boundary and session policies, the SCP chain of the caller's organization, the RCP chain of the resource's,
// the resource policy) and asks the engine. Every decision is traced so that the trail can explain it.
import type { AwsError } from '../core/aws-error.js';
import { authorize, type Decision, type PolicySet, RequestContext } from '../policy/index.js';
import type { AuthorizationTarget, Caller, Directory, PrincipalPolicies } from '../services/types.js';
import { globalConditionKeys, mergeContext, type RequestFacts } from './condition-context.js';

export class RequestAuthorizer {
  private principalPolicies: PrincipalPolicies | undefined;

  constructor(
    private readonly caller: Caller,
    private readonly facts: RequestFacts,
    private readonly directory: Directory,
    /** Receives every decision made for the request, in order, for the trail. */
    private readonly onDecision: (target: AuthorizationTarget, decision: Decision) => void,
    private readonly accessDenied: (message: string) => AwsError,
  ) {}

  check(target: AuthorizationTarget): Decision {
    const caller = this.caller;
    const identityBearing =
      caller.kind === 'user' || caller.kind === 'role-session' || caller.kind === 'federated-user';
    this.principalPolicies ??= identityBearing ? this.directory.principalPolicies(caller) : undefined;
    const resourceAccount = target.resourceAccount ?? caller.account;
    const principalOrg = caller.account === undefined ? undefined : this.directory.organizationOf(caller.account);
    const resourceOrg =
      resourceAccount === undefined
        ? undefined
        : resourceAccount === caller.account
          ? principalOrg
          : this.directory.organizationOf(resourceAccount);
    const keys = globalConditionKeys(
      caller,
      this.facts,
      this.principalPolicies,
      principalOrg,
      resourceAccount,
      resourceOrg,
    );
    const policies: PolicySet = {
      identity: this.principalPolicies?.identity,
      permissionsBoundary: this.principalPolicies?.permissionsBoundary,
      session: caller.session?.policies,
      resource: target.resourcePolicy,
      // SCPs bind only the member accounts' principals; the management account is exempt.
      scp: principalOrg && principalOrg.managementAccount !== caller.account ? principalOrg.scp : undefined,
      rcp: resourceOrg && resourceOrg.managementAccount !== resourceAccount ? resourceOrg.rcp : undefined,
    };
    const decision = authorize(
      {
        principal: caller.principal,
        action: target.action,
        resource: target.resource,
        resourceAccount,
        context: RequestContext.from(mergeContext(keys, target.context)),
        resourcePolicyRequired: target.resourcePolicyRequired,
        rcpExempt: target.rcpExempt,
      },
      policies,
      { trace: true },
    );
    this.onDecision(target, decision);
    return decision;
  }

  /** The decision, or the target's denial error when it is not allowed. */
  require(target: AuthorizationTarget): Decision {
    const decision = this.check(target);
    if (decision.decision === 'Allowed') return decision;
    throw target.deniedError ? target.deniedError(decision, this.caller) : this.accessDenied(decision.message);
  }
}
