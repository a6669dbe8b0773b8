// S3's calls to KMS on the requester's behalf (GenerateDataKey for writes, Decrypt for reads), made through KMS's
// service API: authorized as the requester with `kms:ViaService = s3.<region>.amazonaws.com` and recorded in the
// request's trail event. S3 relays what KMS says: a denial is S3's AccessDenied (403) carrying KMS's message, other
// KMS errors come back as `KMS.<Code>` (400), as S3 documents them (S3 API, "Error responses").
import { AwsError } from '../../../core/aws-error.js';
import { type DataKey, decryptFor, generateDataKeyFor } from '../../kms/kms-for-services.js';
import type { CallContext } from '../../types.js';

const VIA = 's3';

export type EncryptionContext = Readonly<Record<string, string>>;

export function generateDataKey(call: CallContext, keyId: string, context: EncryptionContext): DataKey {
  return relayed(() => generateDataKeyFor(asS3(call), keyId, context, VIA));
}

/** The plaintext of a data key S3 stored encrypted. */
export function decryptDataKey(call: CallContext, encrypted: Buffer, context: EncryptionContext): Buffer {
  return relayed(() => decryptFor(asS3(call), encrypted, context, VIA)).plaintext;
}

/**
 * Anonymous requests cannot use SSE-KMS: KMS has no requester to authorize (recorded S3 answer for unsigned and
 * SigV2 requests on SSE-KMS objects).
 */
export function requireSignedRequester(call: CallContext): void {
  if (call.caller.kind !== 'anonymous') return;
  throw new AwsError(
    'InvalidArgument',
    'Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.',
    { extra: { ArgumentName: 'Authorization', ArgumentValue: 'null' } },
  );
}

/** KMS's denial reported by S3: its AccessDenied, with KMS's own message (the key target's, else the engine's). */
function asS3(call: CallContext): CallContext {
  return {
    ...call,
    authorize: (target) =>
      call.authorize({
        ...target,
        deniedError: (decision, caller) => {
          const message = target.deniedError?.(decision, caller).message ?? decision.message;
          return new AwsError('AccessDenied', message, { status: 403 });
        },
      }),
  };
}

function relayed<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AwsError) || error.code === 'AccessDenied' || error.status >= 500) throw error;
    throw new AwsError(`KMS.${error.code}`, error.message, { status: 400 });
  }
}
