// The shapes of S3 objects as the object repositories store and return them.
import type { AmzChecksumAlgorithm } from '../../../core/checksums/index.js';
import type { StoredAcl } from '../authorization/acl.js';

/** The headers S3 stores with an object and returns on GET and HEAD, under their model member names. */
export interface ContentHeaders {
  readonly ContentType?: string;
  readonly ContentEncoding?: string;
  readonly ContentDisposition?: string;
  readonly ContentLanguage?: string;
  readonly CacheControl?: string;
  readonly Expires?: string;
  readonly WebsiteRedirectLocation?: string;
}

export interface ObjectTag {
  readonly Key: string;
  readonly Value: string;
}

export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

/** The additional checksum of an object (a multipart object's COMPOSITE value carries its `-N` suffix). */
export interface StoredChecksum {
  readonly algorithm: AmzChecksumAlgorithm;
  readonly value: string;
  readonly type: ChecksumType;
}

/** One part of an object completed from a multipart upload, for `partNumber` reads and GetObjectAttributes. */
export interface StoredPart {
  readonly size: number;
  /** The part's checksum in the upload's algorithm, when it had one. */
  readonly checksum?: string;
}

export interface ObjectOwner {
  readonly account: string;
  readonly canonicalId: string;
}

/** How the body of an SSE-KMS object (or upload) is encrypted at rest (src/services/s3/sse). */
export interface KmsEncryption {
  readonly keyArn: string;
  /** The object's data key, or with an S3 Bucket Key the bucket key, as KMS encrypted it. */
  readonly dataKey: Buffer;
  /** The requester's additional encryption context (`x-amz-server-side-encryption-context`), without `aws:s3:arn`. */
  readonly context: Readonly<Record<string, string>>;
  readonly bucketKey: boolean;
  /** The body's AES-256-CTR initial counter; with a bucket key also what the object's own key is derived with. */
  readonly iv: Buffer;
}

/** What an upload stores besides the body: everything PutObject, CopyObject and multipart uploads set. */
export interface ObjectAttributes {
  readonly owner: ObjectOwner;
  readonly storageClass: string;
  /** `AES256` (SSE-S3, the default) or `aws:kms`; undefined for delete markers. */
  readonly sse: string | undefined;
  /** Set for `aws:kms`: the body is stored encrypted. */
  readonly kms?: KmsEncryption | undefined;
  readonly headers: ContentHeaders;
  /** User metadata, keys in lower case without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly tags: readonly ObjectTag[];
  /** The object ACL; undefined while the bucket's ACLs are disabled. */
  readonly acl: StoredAcl | undefined;
}

export interface NewObject extends ObjectAttributes {
  readonly bucket: string;
  readonly key: string;
  readonly blobId: string;
  readonly size: number;
  /** Hex MD5 of the body, or `<hex>-<parts>` for a multipart object; without quotes. */
  readonly etag: string;
  readonly lastModified: number;
  readonly checksum: StoredChecksum | undefined;
  readonly parts: readonly StoredPart[] | undefined;
}

export interface ObjectVersion extends Omit<NewObject, 'blobId'> {
  /** Undefined for delete markers. */
  readonly blobId: string | undefined;
  /** Row id: within a key, a higher id is a newer version. */
  readonly id: number;
  /** `null` for the version an unversioned or suspended bucket writes. */
  readonly versionId: string;
  readonly isLatest: boolean;
  readonly deleteMarker: boolean;
}

export const NULL_VERSION = 'null';
