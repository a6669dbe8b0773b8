// Session policies a request passes: the inline `Policy` (parsed as a session policy, MalformedPolicyDocument on
// errors) and up to ten managed policies by `PolicyArns`, which must live in the account of the session's principal
// or be AWS managed. Their documents are read now and kept with the session.
import { compilePolicy } from '../../policy/index.js';
import { malformedPolicyDocument, validationError } from './errors.js';
import type { SessionPolicyDocument } from './session-store.js';

/** The default version's document of a managed policy by ARN, or undefined when there is no such policy. */
export type ManagedPolicyLookup = (policyArn: string) => string | undefined;

export interface PolicyInput {
  readonly Policy?: string | undefined;
  readonly PolicyArns?: readonly { readonly arn?: string | undefined }[] | undefined;
}

export interface SessionPolicies {
  readonly documents: readonly SessionPolicyDocument[];
  /** The inline policy's text and the ARNs, as the packed size counts them. */
  readonly inlineText: string | undefined;
  readonly arns: readonly string[];
}

const PLAINTEXT_LIMIT = 2048;
const MAX_POLICY_ARNS = 10;
const POLICY_ARN = /^arn:[\w-]+:iam::(\d{12}|aws):policy\/.+$/;

export function readSessionPolicies(input: PolicyInput, account: string, lookup: ManagedPolicyLookup): SessionPolicies {
  const documents: SessionPolicyDocument[] = [];
  const inlineText = input.Policy;
  if (inlineText !== undefined) documents.push(inlinePolicy(inlineText));
  const arns: string[] = [];
  const descriptors = input.PolicyArns ?? [];
  if (descriptors.length > MAX_POLICY_ARNS) {
    throw validationError(
      `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  for (const { arn } of descriptors) {
    if (arn === undefined) continue;
    documents.push(managedPolicy(arn, account, lookup));
    arns.push(arn);
  }
  return { documents, inlineText, arns };
}

function inlinePolicy(text: string): SessionPolicyDocument {
  if (text.length > PLAINTEXT_LIMIT) {
    throw validationError(
      `1 validation error detected: Value '${text}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to ${PLAINTEXT_LIMIT}`,
    );
  }
  const { policy, diagnostics } = compilePolicy(text, 'session', 'inline');
  if (policy === undefined) {
    throw malformedPolicyDocument(
      diagnostics.find((d) => d.severity === 'error')?.message ?? 'Syntax errors in policy.',
    );
  }
  return { id: 'inline', kind: 'session', document: text };
}

function managedPolicy(arn: string, account: string, lookup: ManagedPolicyLookup): SessionPolicyDocument {
  const owner = POLICY_ARN.exec(arn)?.[1];
  const document = owner === account || owner === 'aws' ? lookup(arn) : undefined;
  if (document === undefined) throw malformedPolicyDocument(`Policy ${arn} does not exist or is not attachable.`);
  return { id: arn, kind: 'identity', document };
}
