// Who signed a browser upload: the form's SigV4 fields (x-amz-algorithm, x-amz-credential, x-amz-date,
// x-amz-signature, x-amz-security-token) verified over the base64 policy with the signing key of the credential,
// which is looked up like any request's. A form without them is anonymous.
import { timingSafeEqual } from 'node:crypto';
import { deriveSigningKey, parseAmzDate, signatureHex, signaturesEqual } from '../../../auth/sigv4/index.js';
import { AwsError } from '../../../core/aws-error.js';
import { Accounts } from '../../accounts/accounts.js';
import { CredentialRefused } from '../../credential-refused.js';
import type { CallContext, Caller, ResolvedCredential } from '../../types.js';

export interface FormSigner {
  readonly caller: Caller;
  /** When the form was signed (x-amz-date), ms since the epoch. */
  readonly signedAt: number;
}

const CREDENTIAL = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

function missingField(name: string): AwsError {
  return new AwsError(
    'InvalidArgument',
    `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
    { extra: { ArgumentName: name, ArgumentValue: '' } },
  );
}

/** The signer of the form, or undefined for an unsigned (anonymous) form. */
export function verifyPostSignature(call: CallContext, fields: ReadonlyMap<string, string>): FormSigner | undefined {
  if (fields.has('awsaccesskeyid')) throw new AwsError('InvalidRequest', 'Please use AWS4-HMAC-SHA256.');
  const signature = fields.get('x-amz-signature');
  const policy = fields.get('policy');
  if (signature === undefined && policy === undefined && !fields.has('x-amz-credential')) return undefined;
  for (const name of ['policy', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature']) {
    if (!fields.has(name)) throw missingField(name);
  }
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    throw new AwsError('InvalidArgument', 'Invalid algorithm', {
      extra: { ArgumentName: 'x-amz-algorithm', ArgumentValue: fields.get('x-amz-algorithm') ?? '' },
    });
  }
  const credential = fields.get('x-amz-credential') ?? '';
  const scope = CREDENTIAL.exec(credential);
  const signedAt = parseAmzDate(fields.get('x-amz-date') ?? '');
  if (scope?.[4] !== 's3' || signedAt === undefined) {
    throw new AwsError('InvalidArgument', 'Invalid credential', {
      extra: { ArgumentName: 'x-amz-credential', ArgumentValue: credential },
    });
  }
  const [, accessKeyId, date, region] = scope as unknown as [string, string, string, string];
  const resolved = resolveCredential(call, accessKeyId, fields.get('x-amz-security-token'));
  const expected = signatureHex(deriveSigningKey(resolved.secretAccessKey, date, region, 's3'), policy ?? '');
  if (!signaturesEqual(expected, signature ?? '')) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      {
        status: 403,
        extra: { AWSAccessKeyId: accessKeyId, StringToSign: policy ?? '', SignatureProvided: signature ?? '' },
      },
    );
  }
  resolved.onVerified?.({ service: 's3', region, now: call.now });
  return { caller: withCanonicalUser(call, resolved.caller), signedAt };
}

function resolveCredential(call: CallContext, accessKeyId: string, token: string | undefined): ResolvedCredential {
  let found: ResolvedCredential | undefined;
  try {
    for (const source of call.deps.directory.credentialSources) {
      found = source(accessKeyId, token);
      if (found !== undefined) break;
    }
  } catch (error) {
    if (!(error instanceof CredentialRefused)) throw error;
    if (error.reason === 'expired') throw new AwsError('ExpiredToken', 'The provided token has expired.');
    found = undefined;
  }
  if (found === undefined) {
    throw new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      status: 403,
      extra: { AWSAccessKeyId: accessKeyId },
    });
  }
  if ((found.sessionToken !== undefined || token !== undefined) && !sameToken(found.sessionToken, token)) {
    throw new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.');
  }
  return found;
}

function sameToken(expected: string | undefined, provided: string | undefined): boolean {
  if (expected === undefined || provided === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** S3 matches CanonicalUser principals and ACL grants by the canonical id of the signer's account. */
function withCanonicalUser(call: CallContext, caller: Caller): Caller {
  if (caller.account === undefined) return caller;
  const account = new Accounts(call.deps.storage.db).ensure(caller.account, call.now);
  return { ...caller, principal: { ...caller.principal, canonicalUserId: account.canonicalUserId } };
}
