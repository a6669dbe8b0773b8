// The policy engine's public face (`xacct/policy`): parse and compile policies once, then authorize requests.

import { CompiledPolicy } from './evaluate/compiled-policy.js';
import { type ParseOptions, parsePolicy } from './parse/parse-policy.js';
import type { Diagnostic, PolicyKind } from './types.js';

export { validatePolicy } from './catalog/validate-catalog.js';
export type { ContextInput, ContextScalar } from './context.js';
export { RequestContext } from './context.js';
export type {
  AuthorizationRequest,
  AuthorizeOptions,
  Decision,
  MatchedStatement,
  PolicySet,
} from './evaluate/authorize.js';
export { authorize } from './evaluate/authorize.js';
export { CompiledPolicy } from './evaluate/compiled-policy.js';
export { denialMessage, namedDenyingPolicy } from './evaluate/denial-message.js';
export { KIND_RULES, type KindRules } from './parse/kind-rules.js';
export { type ParseOptions, type ParseResult, parsePolicy, policySize } from './parse/parse-policy.js';
export type { Principal, PrincipalType } from './principal.js';
export { isServiceLinkedRole, principalFromArn, rootArn } from './principal.js';
export type { SimulateOptions, SimulateResult } from './simulate.js';
export { SimulateInputError, simulate } from './simulate.js';
export type * from './trace.js';
export type * from './types.js';

export interface CompileResult {
  /** The compiled policy, or `undefined` when the document has errors. */
  readonly policy: CompiledPolicy | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses and compiles a policy document of the given kind. `id` names the policy in decisions and
 * traces (a policy ARN, `inline:<name>`, `identity[0]`, ...). Never throws.
 */
export function compilePolicy(
  input: string | unknown,
  kind: PolicyKind,
  id: string,
  options: ParseOptions = {},
): CompileResult {
  const { document, diagnostics } = parsePolicy(input, kind, options);
  return { policy: document === undefined ? undefined : new CompiledPolicy(kind, id, document), diagnostics };
}
