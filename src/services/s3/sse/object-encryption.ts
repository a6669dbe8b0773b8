// What the object handlers ask of SSE-KMS: the encryption of a new object (a data key from KMS GenerateDataKey under
// the chosen key, or an S3 Bucket Key), the cipher of a stored body (KMS Decrypt of its data key, as the requester),
// and the encryption members of responses. The encryption context is S3's `aws:s3:arn` (the object ARN, or the
// bucket ARN with a bucket key) added to the requester's own (S3 UG, "Using SSE-KMS": encryption context).
import type { Shaped } from '../../../protocol/index.js';
import type { DataKey } from '../../kms/kms-for-services.js';
import type { CallContext } from '../../types.js';
import type { BucketRecord } from '../repos/buckets.js';
import type { KmsEncryption } from '../repos/object-types.js';
import { type BodyCipher, deriveObjectKey, newIv } from './body-cipher.js';
import { BucketKeyCache, requesterOf } from './bucket-key-cache.js';
import { decryptDataKey, type EncryptionContext, generateDataKey, requireSignedRequester } from './kms-calls.js';
import { sseRequestOf } from './sse-request.js';

export interface NewEncryption {
  /** Set for SSE-KMS: what the object (or upload) stores. */
  readonly kms: KmsEncryption | undefined;
  /** The key the body is written with; undefined for SSE-S3 bodies, which are stored as they are. */
  readonly cipher: BodyCipher | undefined;
  /** The encryption members of the write's response. */
  readonly output: Shaped;
}

/**
 * The encryption of an object `key` about to be written to `bucket`, as the request's headers or else the bucket's
 * default encryption ask. Call it once the request is otherwise valid: it calls KMS (and KMS authorizes) for SSE-KMS.
 */
export function sealNewObject(call: CallContext, input: Shaped, bucket: BucketRecord, key: string): NewEncryption {
  const request = sseRequestOf(call, input, bucket, key);
  if (request.algorithm === 'AES256') {
    return { kms: undefined, cipher: undefined, output: { ServerSideEncryption: 'AES256' } };
  }
  requireSignedRequester(call);
  const context = kmsContext(request.context, bucket.arn, key, request.bucketKey);
  const dataKey: DataKey = request.bucketKey
    ? BucketKeyCache.of(call.deps.storage.db).forWrite(
        requesterOf(call.caller),
        scopeOf(request.keyId, context),
        call.now,
        () => generateDataKey(call, request.keyId, context),
      )
    : generateDataKey(call, request.keyId, context);
  const kms: KmsEncryption = {
    keyArn: dataKey.keyArn,
    dataKey: dataKey.ciphertextBlob,
    context: request.context,
    bucketKey: request.bucketKey,
    iv: newIv(),
  };
  return {
    kms,
    cipher: cipherOf(kms, dataKey.plaintext),
    output: { ...encryptionOutput('aws:kms', kms), SSEKMSEncryptionContext: request.contextHeader },
  };
}

/**
 * The cipher of a stored SSE-KMS body (object `key` of `bucket`, or of an upload to it): KMS Decrypt of its data key
 * as the requester, so a reader needs kms:Decrypt on the key as well as the S3 permission. Undefined for bodies stored
 * unencrypted.
 */
export function openBody(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  kms: KmsEncryption | undefined,
): BodyCipher | undefined {
  if (kms === undefined) return undefined;
  requireSignedRequester(call);
  // The key is in the bucket's region, which a copy source's bucket need not share with the request.
  const inRegion = bucket.region === call.region ? call : { ...call, region: bucket.region };
  const context = kmsContext(kms.context, bucket.arn, key, kms.bucketKey);
  const plaintext = kms.bucketKey
    ? BucketKeyCache.of(call.deps.storage.db).forRead(requesterOf(call.caller), kms.dataKey, call.now, () =>
        decryptDataKey(inRegion, kms.dataKey, context),
      )
    : decryptDataKey(inRegion, kms.dataKey, context);
  return cipherOf(kms, plaintext);
}

/** A part of an upload is encrypted under the upload's key with a counter of its own. */
export function partCipher(upload: BodyCipher, iv: Buffer = newIv()): BodyCipher {
  return { key: upload.key, iv };
}

/** `x-amz-server-side-encryption`, and for SSE-KMS the key ARN and (when on) the bucket key flag. */
export function encryptionOutput(sse: string | undefined, kms: KmsEncryption | undefined): Shaped {
  return {
    ServerSideEncryption: sse,
    SSEKMSKeyId: kms?.keyArn,
    BucketKeyEnabled: kms?.bucketKey === true ? true : undefined,
  };
}

function kmsContext(own: EncryptionContext, bucketArn: string, key: string, bucketKey: boolean): EncryptionContext {
  return { ...own, 'aws:s3:arn': bucketKey ? bucketArn : `${bucketArn}/${key}` };
}

/** What one bucket key serves: the key as the request named it and the full context (bucket ARN included). */
function scopeOf(keyId: string, context: EncryptionContext): string {
  const pairs = Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([keyId, pairs]);
}

/**
 * Object keys derived under a bucket key, by the object's encryption record (the same object while its version is
 * cached), so repeated GETs of an object skip the HMAC; the bucket key must still be the one it was derived from.
 */
const derivedCiphers = new WeakMap<KmsEncryption, { readonly bucketKey: Buffer; readonly cipher: BodyCipher }>();

function cipherOf(kms: KmsEncryption, plaintext: Buffer): BodyCipher {
  if (!kms.bucketKey) return { key: plaintext, iv: kms.iv };
  const known = derivedCiphers.get(kms);
  if (known?.bucketKey.equals(plaintext)) return known.cipher;
  const cipher = { key: deriveObjectKey(plaintext, kms.iv), iv: kms.iv };
  derivedCiphers.set(kms, { bucketKey: plaintext, cipher });
  return cipher;
}
