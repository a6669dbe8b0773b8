// What the multipart operations share: finding the upload a request names (NoSuchUpload otherwise), the upload's
// checksum algorithm and type, the principal shown as Initiator, and the part-number checks.
import { AwsError } from '../../../../core/aws-error.js';
import type { AmzChecksumAlgorithm } from '../../../../core/checksums/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { findUpload, type UploadInitiator, type UploadRecord } from '../../repos/multipart-uploads.js';
import type { ChecksumType } from '../../repos/object-types.js';

export const MIN_PART_SIZE = 5 * 1024 * 1024;

const ALGORITHMS: ReadonlySet<string> = new Set(['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256']);

export function noSuchUpload(uploadId: string): AwsError {
  return new AwsError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { status: 404, extra: { UploadId: uploadId } },
  );
}

/** The upload named by `uploadId`, which must be of this bucket and key. */
export function requireUpload(call: CallContext, input: Shaped): UploadRecord {
  const uploadId = input.UploadId as string;
  const upload = findUpload(call.deps.storage.db, uploadId);
  if (upload === undefined || upload.bucket !== input.Bucket || upload.key !== input.Key) throw noSuchUpload(uploadId);
  return upload;
}

/**
 * The checksum algorithm and type CreateMultipartUpload asks for. CRC64NVME is always FULL_OBJECT and the SHAs always
 * COMPOSITE; the other CRCs default to COMPOSITE.
 */
export function uploadChecksum(input: Shaped): {
  readonly algorithm: AmzChecksumAlgorithm | undefined;
  readonly type: ChecksumType | undefined;
} {
  const requested = (input.ChecksumAlgorithm as string | undefined)?.toUpperCase();
  const type = input.ChecksumType as string | undefined;
  if (requested === undefined) {
    if (type !== undefined) {
      throw new AwsError(
        'InvalidRequest',
        'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.',
      );
    }
    return { algorithm: undefined, type: undefined };
  }
  if (!ALGORITHMS.has(requested)) {
    throw new AwsError(
      'InvalidRequest',
      'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
    );
  }
  const algorithm = requested as AmzChecksumAlgorithm;
  const resolved = (type ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE')) as ChecksumType;
  if (resolved === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw new AwsError(
      'InvalidRequest',
      'The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.',
    );
  }
  if (resolved === 'FULL_OBJECT' && algorithm.startsWith('SHA')) {
    throw new AwsError(
      'InvalidRequest',
      `The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
    );
  }
  if (resolved !== 'COMPOSITE' && resolved !== 'FULL_OBJECT') {
    throw new AwsError('InvalidRequest', 'Value for x-amz-checksum-type header is invalid.');
  }
  return { algorithm, type: resolved };
}

/** Who initiated an upload, as ListParts and ListMultipartUploads show it: a root's canonical id, else its ARN. */
export function initiatorOf(call: CallContext): UploadInitiator {
  const { caller } = call;
  const id = caller.kind === 'root' ? (caller.principal.canonicalUserId ?? caller.principal.arn) : caller.principal.arn;
  return { id, arn: caller.principal.arn };
}

export function initiatorOutput(initiator: UploadInitiator): Shaped {
  return {
    ID: initiator.id,
    DisplayName: initiator.arn
      .split(':')
      .pop()
      ?.replace(/^(user|assumed-role)\//, ''),
  };
}
