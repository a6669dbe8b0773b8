// Streams a request body into a new blob (decoding aws-chunked framing on the way), hashing it in the same pass, and
// keeps the blob only when every digest the request claimed matches. Memory stays flat whatever the body's size.
import { createHash } from 'node:crypto';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { checkPayloadHash, createAwsChunkedDecoder } from '../../../auth/sigv4/index.js';
import { AwsError } from '../../../core/aws-error.js';
import { type AmzChecksumAlgorithm, amzChecksumHeader, verifyAmzChecksum } from '../../../core/checksums/index.js';
import { bodyChecksum, dropChecksum } from '../../../core/checksums/offloaded-checksum.js';
import type { CallContext } from '../../types.js';
import { type BodyCipher, writeBody } from '../sse/body-cipher.js';
import type { BodyPlan } from './body-plan.js';

export interface ReceiveOptions {
  /** Largest body accepted; larger declared lengths are refused before reading (EntityTooLarge). */
  readonly maxSize: number;
  /** Computed when the request claims no checksum (S3 gives new objects a CRC64NVME). */
  readonly defaultChecksum?: AmzChecksumAlgorithm;
  /** SSE-KMS: the body is stored encrypted with this; digests are still those of the plaintext. */
  readonly cipher?: BodyCipher | undefined;
}

export interface ReceivedBody {
  readonly blobId: string;
  readonly size: number;
  readonly md5: Buffer;
  /** The claimed checksum (verified) or the default one; `claimed` tells which. */
  readonly checksum:
    | { readonly algorithm: AmzChecksumAlgorithm; readonly value: string; readonly claimed: boolean }
    | undefined;
}

export async function receiveBody(
  call: CallContext,
  body: NodeJS.ReadableStream,
  plan: BodyPlan,
  options: ReceiveOptions,
): Promise<ReceivedBody> {
  if (plan.declaredLength > options.maxSize) throw entityTooLarge(plan.declaredLength, options.maxSize);
  const md5 = createHash('md5');
  const sha256 = plan.payloadSha256 === undefined ? undefined : createHash('sha256');
  const algorithm = plan.checksum?.algorithm ?? options.defaultChecksum;
  const decoder =
    plan.streamingMode === undefined
      ? undefined
      : createAwsChunkedDecoder({
          mode: plan.streamingMode,
          decodedContentLength: call.http.headers['x-amz-decoded-content-length'],
          trailer: call.http.headers['x-amz-trailer'],
          signing: call.signature?.streaming,
        });
  // A request that fails before the blob write reads it must not crash the process; the write sees the failure.
  (body as Readable).on('error', () => {});
  const source = decoder === undefined ? body : forward(body as Readable, decoder);
  const blobs = call.deps.storage.blobs;
  let written: { id: string; size: number };
  // Made last, so that every way out from here digests or drops it. A large body's checksum is computed on the
  // worker thread, beside the MD5 on this one.
  const checksum = algorithm === undefined ? undefined : bodyChecksum(algorithm, plan.declaredLength);
  try {
    written = await writeBody(
      blobs,
      source,
      (chunk) => {
        md5.update(chunk);
        sha256?.update(chunk);
        return checksum?.update(chunk);
      },
      options.cipher,
    );
  } catch (error) {
    dropChecksum(checksum);
    throw bodyError(error);
  }
  try {
    if (sha256 !== undefined) checkPayloadHash(plan.payloadSha256 ?? '', sha256.digest('hex'));
    const md5Digest = md5.digest();
    if (plan.contentMd5 !== undefined && !md5Digest.equals(plan.contentMd5))
      throw badDigest(plan.contentMd5, md5Digest);
    const value = await checksum?.digest();
    if (plan.checksum !== undefined && value !== undefined) {
      const claimed = plan.checksum.value ?? decoder?.trailers.get(amzChecksumHeader(plan.checksum.algorithm)) ?? '';
      verifyAmzChecksum(plan.checksum.algorithm, claimed, value, plan.checksum.location);
    }
    return {
      blobId: written.id,
      size: written.size,
      md5: md5Digest,
      checksum:
        algorithm === undefined || value === undefined
          ? undefined
          : { algorithm, value: value.toString('base64'), claimed: plan.checksum !== undefined },
    };
  } catch (error) {
    dropChecksum(checksum);
    await blobs.delete(written.id);
    throw error;
  }
}

/**
 * The raw request piped into the decoder. Data flows (and may fail) before the blob write starts reading, so the
 * failure is kept on the decoder, where the write finds it, rather than thrown as an unhandled 'error' event.
 */
function forward(body: Readable, decoder: Transform): Readable {
  pipeline(body, decoder, () => {});
  return decoder;
}

function entityTooLarge(size: number, max: number): AwsError {
  return new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
    extra: { ProposedSize: String(size), MaxSizeAllowed: String(max) },
  });
}

function badDigest(expected: Buffer, calculated: Buffer): AwsError {
  return new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
    extra: { ExpectedDigest: expected.toString('hex'), CalculatedDigest: calculated.toString('base64') },
  });
}

/** A body that stopped before its declared end is S3's IncompleteBody; AwsErrors (from the decoder) pass through. */
function bodyError(error: unknown): unknown {
  if (error instanceof AwsError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error)?.message === 'aborted') {
    return new AwsError('IncompleteBody', 'The request body terminated unexpectedly');
  }
  return error;
}
