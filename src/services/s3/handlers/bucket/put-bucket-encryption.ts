// PutBucketEncryption: the default encryption of new objects; SSE-KMS is stored as given (S3 does not check the key).
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore, type DefaultEncryption } from '../../repos/buckets.js';
import { malformedXml } from './bucket-errors.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

export function putBucketEncryption(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const rules = ((input.ServerSideEncryptionConfiguration as Shaped).Rules as Shaped[] | undefined) ?? [];
  if (rules.length !== 1) throw malformedXml();
  const rule = rules[0]!;
  const byDefault = rule.ApplyServerSideEncryptionByDefault as Shaped | undefined;
  const algorithm = byDefault?.SSEAlgorithm;
  if (typeof algorithm !== 'string' || !ALGORITHMS.has(algorithm)) throw malformedXml();
  const kmsKeyId = byDefault?.KMSMasterKeyID as string | undefined;
  if (kmsKeyId !== undefined && algorithm === 'AES256') {
    throw new AwsError(
      'InvalidArgument',
      'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
      { extra: { ArgumentName: 'ApplyServerSideEncryptionByDefault' } },
    );
  }
  const encryption: DefaultEncryption = {
    algorithm: algorithm as DefaultEncryption['algorithm'],
    kmsKeyId: kmsKeyId === '' ? undefined : kmsKeyId,
    bucketKeyEnabled: rule.BucketKeyEnabled === true,
  };
  BucketStore.of(call.deps.storage.db).putConfig(bucket.name, 'encryption', encryption);
  return {};
}
