// Authorization in the pipeline: gathers the policies that apply to one target (the caller's identity policies,
// boundary and session policies, the SCP chain of the caller's organization, the RCP chain of the resource's,
// the resource policy) and asks the engine. Every decision is traced so that the trail can explain it.
import type { AwsError } from '../core/aws-error.js';
import { authorize, type Decision, type PolicySet, RequestContext } from '../policy/index.js';
import type { AuthorizationTarget, Caller, Directory, PrincipalPolicies } from '../services/types.js';
import { globalConditionKeys, type RequestFacts } from './condition-context.js';

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
    const caller = target.caller ?? this.caller;
    const principalPolicies = target.caller === undefined ? this.ownPolicies() : this.policiesOf(target.caller);
    const resourceAccount = target.resourceAccount ?? caller.account;
    const principalOrg = caller.account === undefined ? undefined : this.directory.organizationOf(caller.account);
    const resourceOrg =
      resourceAccount === undefined
        ? undefined
        : resourceAccount === caller.account
          ? principalOrg
          : this.directory.organizationOf(resourceAccount);
    const keys = globalConditionKeys(caller, this.facts, principalPolicies, principalOrg, resourceAccount, resourceOrg);
    const policies: PolicySet = {
      identity: principalPolicies?.identity,
      permissionsBoundary: principalPolicies?.permissionsBoundary,
      session: caller.session?.policies,
      resource: target.resourcePolicy,
      // SCPs bind only the member accounts' principals; the management account is exempt.
      scp: principalOrg && principalOrg.managementAccount !== caller.account ? principalOrg.scp : undefined,
      rcp: resourceOrg && resourceOrg.managementAccount !== resourceAccount ? resourceOrg.rcp : undefined,
    };
    const engine = authorize(
      {
        principal: target.principal ?? caller.principal,
        action: target.action,
        resource: target.resource,
        resourceAccount,
        context: RequestContext.from(keys, target.context),
        resourcePolicyRequired: target.resourcePolicyRequired,
        rcpExempt: target.rcpExempt,
      },
      policies,
      { trace: true },
    );
    const decision = engine.decision === 'ImplicitDeny' ? (target.onImplicitDeny?.(engine) ?? engine) : engine;
    this.onDecision(target, decision);
    return decision;
  }

  /** The decision, or the target's denial error when it is not allowed. */
  require(target: AuthorizationTarget): Decision {
    const decision = this.check(target);
    if (decision.decision === 'Allowed') return decision;
    const caller = target.caller ?? this.caller;
    throw target.deniedError ? target.deniedError(decision, caller) : this.accessDenied(decision.message);
  }

  /** The request caller's policies, looked up once per request. */
  private ownPolicies(): PrincipalPolicies | undefined {
    this.principalPolicies ??= this.policiesOf(this.caller);
    return this.principalPolicies;
  }

  private policiesOf(caller: Caller): PrincipalPolicies | undefined {
    const identityBearing =
      caller.kind === 'user' || caller.kind === 'role-session' || caller.kind === 'federated-user';
    return identityBearing ? this.directory.principalPolicies(caller) : undefined;
  }
}
