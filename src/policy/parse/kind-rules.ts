// What each policy type allows: which elements, which Effect, size limits (aws-reference 5.7) and character set.

import type { PolicyKind } from '../types.js';

export type ElementRule = 'required' | 'optional' | 'forbidden';

export interface KindRules {
  /** Maximum document size, or undefined when the owning service enforces an aggregate limit. */
  readonly maxSize: number | undefined;
  /** IAM and SCP limits ignore whitespace outside strings; the others count every character. */
  readonly countsWhitespace: boolean;
  /** Sizes counted in UTF-8 bytes (S3, KMS, SQS) rather than characters. */
  readonly countsBytes: boolean;
  readonly principal: ElementRule;
  /** RCPs and gateway VPC endpoint policies accept only `"Principal": "*"`. */
  readonly principalWildcardOnly: boolean;
  readonly notPrincipal: boolean;
  readonly resource: ElementRule;
  readonly notAction: boolean;
  /** Customer RCPs may only deny (RCPFullAWSAccess is the one Allow). */
  readonly denyOnly: boolean;
  /** SCPs and RCPs must say `"Version": "2012-10-17"`. */
  readonly requiresCurrentVersion: boolean;
  /** IAM documents: Sids alphanumeric, characters limited to U+0009, U+000A, U+000D, U+0020-U+00FF. */
  readonly iamSyntax: boolean;
  /** S3 bucket policies must start with `{` (MalformedPolicy "Policies must be valid JSON and the first byte must be '{'"). */
  readonly firstByteBrace: boolean;
  /** Role trust policies: only the STS actions that start a session, and service principals that are AWS domains. */
  readonly trustRules: boolean;
}

const IDENTITY: KindRules = {
  maxSize: 6144,
  countsWhitespace: false,
  countsBytes: false,
  principal: 'forbidden',
  principalWildcardOnly: false,
  notPrincipal: false,
  resource: 'required',
  notAction: true,
  denyOnly: false,
  requiresCurrentVersion: false,
  iamSyntax: true,
  firstByteBrace: false,
  trustRules: false,
};

const RESOURCE_BASED: KindRules = {
  ...IDENTITY,
  maxSize: undefined,
  countsWhitespace: true,
  principal: 'required',
  notPrincipal: true,
  resource: 'optional',
  iamSyntax: false,
};

export const KIND_RULES: Readonly<Record<PolicyKind, KindRules>> = {
  identity: IDENTITY,
  'permissions-boundary': IDENTITY,
  session: { ...IDENTITY, maxSize: 2048, countsWhitespace: true },
  scp: {
    ...IDENTITY,
    maxSize: 5120,
    countsWhitespace: true,
    resource: 'optional',
    requiresCurrentVersion: true,
    iamSyntax: false,
  },
  rcp: {
    ...RESOURCE_BASED,
    maxSize: 5120,
    principalWildcardOnly: true,
    notPrincipal: false,
    notAction: false,
    denyOnly: true,
    requiresCurrentVersion: true,
  },
  'vpc-endpoint': { ...RESOURCE_BASED, maxSize: 20480, notPrincipal: false },
  trust: {
    ...RESOURCE_BASED,
    maxSize: 2048,
    countsWhitespace: false,
    resource: 'forbidden',
    notPrincipal: false,
    iamSyntax: true,
    trustRules: true,
  },
  'kms-key': { ...RESOURCE_BASED, maxSize: 32768, countsBytes: true, resource: 'required' },
  's3-bucket': { ...RESOURCE_BASED, maxSize: 20480, countsBytes: true, resource: 'required', firstByteBrace: true },
  'sqs-queue': { ...RESOURCE_BASED, maxSize: 8192, countsBytes: true },
  'sns-topic': { ...RESOURCE_BASED, maxSize: 30720, countsBytes: true },
  'ecr-repository': { ...RESOURCE_BASED, maxSize: 10240, resource: 'forbidden' },
  resource: RESOURCE_BASED,
};

/** Identity-like kinds are evaluated without a Principal element. */
export function isResourceBasedKind(kind: PolicyKind): boolean {
  return KIND_RULES[kind].principal !== 'forbidden';
}
