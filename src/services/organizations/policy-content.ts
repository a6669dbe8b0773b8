// Checks a policy document before it is stored: SCPs and RCPs by the policy engine's rules for their kind
// (language, `Version`, Deny-only RCPs, 5,120 characters), the other policy types only as JSON.
import { compilePolicy, type PolicyKind } from '../../policy/index.js';
import { constraintViolation, orgError } from './org-errors.js';

const ENGINE_KINDS: Readonly<Record<string, PolicyKind>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

export function checkPolicyContent(type: string, content: string): void {
  const kind = ENGINE_KINDS[type];
  if (kind === undefined) {
    try {
      JSON.parse(content);
    } catch {
      throw orgError('MalformedPolicyDocumentException');
    }
    return;
  }
  const { diagnostics } = compilePolicy(content, kind, 'policy');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => d.code === 'PolicyTooLarge')) throw constraintViolation('POLICY_CONTENT_LIMIT_EXCEEDED');
  if (errors.length > 0) throw orgError('MalformedPolicyDocumentException');
}
