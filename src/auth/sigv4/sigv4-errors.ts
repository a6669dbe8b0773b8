// The errors a real service answers for a malformed, stale or forged SigV4 credential. S3, the query
// protocol and the JSON protocols word and code the same condition differently, so each factory takes
// the flavour. Sources are listed in this folder's README.
import { AwsError } from '../../core/aws-error.js';
import type { SigV4Flavour } from './types.js';

const S3_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const SERVICE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const CREDENTIAL_SHAPE = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

/** IncompleteSignature (query) / IncompleteSignatureException (JSON), always 400. */
export function incompleteSignature(flavour: 'query' | 'json', message: string): AwsError {
  return new AwsError(flavour === 'json' ? 'IncompleteSignatureException' : 'IncompleteSignature', message);
}

/** A credential the service rejects after parsing: SignatureDoesNotMatch (403) or InvalidSignatureException (400). */
export function invalidSignature(flavour: 'query' | 'json', message: string): AwsError {
  return flavour === 'json'
    ? new AwsError('InvalidSignatureException', message)
    : new AwsError('SignatureDoesNotMatch', message, { status: 403 });
}

export function missingAuthenticationToken(flavour: 'query' | 'json'): AwsError {
  return flavour === 'json'
    ? new AwsError('MissingAuthenticationTokenException', 'Request is missing Authentication Token')
    : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', { status: 403 });
}

export function s3HeaderMalformed(detail: string, extra?: Record<string, string>): AwsError {
  return new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${detail}`, { extra });
}

export function s3QueryParametersError(message: string, extra?: Record<string, string>): AwsError {
  return new AwsError('AuthorizationQueryParametersError', message, { extra });
}

export function s3CredentialMalformed(location: 'header' | 'query'): AwsError {
  return location === 'header'
    ? s3HeaderMalformed(CREDENTIAL_SHAPE)
    : s3QueryParametersError(`Error parsing the X-Amz-Credential parameter; ${CREDENTIAL_SHAPE}`);
}

/** S3's answer to a credential-scope problem, worded for the header or the presigned query. */
export function s3ScopeError(location: 'header' | 'query', detail: string, extra?: Record<string, string>): AwsError {
  return location === 'header'
    ? s3HeaderMalformed(detail, extra)
    : s3QueryParametersError(`Error parsing the X-Amz-Credential parameter; ${detail}`, extra);
}

export function s3UnsupportedMechanism(): AwsError {
  return new AwsError(
    'InvalidRequest',
    'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  );
}

export function headersNotSigned(names: readonly string[]): AwsError {
  return new AwsError('AccessDenied', 'There were headers present in the request which were not signed', {
    status: 403,
    extra: { HeadersNotSigned: names.join(', ') },
  });
}

export interface MismatchDetails {
  readonly accessKeyId: string;
  readonly stringToSign: string;
  readonly signatureProvided: string;
  readonly canonicalRequest: string;
}

/** S3 shows bytes as lower-case hex pairs separated by spaces. */
export function spacedHex(text: string): string {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += (i ? ' ' : '') + hex.slice(i, i + 2);
  return out;
}

export function signatureMismatch(flavour: SigV4Flavour, details: MismatchDetails): AwsError {
  if (flavour === 's3') {
    return new AwsError('SignatureDoesNotMatch', S3_MISMATCH, {
      status: 403,
      extra: {
        AWSAccessKeyId: details.accessKeyId,
        StringToSign: details.stringToSign,
        SignatureProvided: details.signatureProvided,
        StringToSignBytes: spacedHex(details.stringToSign),
        CanonicalRequest: details.canonicalRequest,
        CanonicalRequestBytes: spacedHex(details.canonicalRequest),
      },
    });
  }
  if (flavour === 'query') return invalidSignature('query', SERVICE_MISMATCH);
  return invalidSignature(
    'json',
    `${SERVICE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${details.canonicalRequest}'\n\n` +
      `The String-to-Sign should have been\n'${details.stringToSign}'\n`,
  );
}

/** The message S3 uses for a bad chunk or trailer signature in an aws-chunked body. */
export function chunkSignatureMismatch(): AwsError {
  return new AwsError('SignatureDoesNotMatch', S3_MISMATCH, { status: 403 });
}
