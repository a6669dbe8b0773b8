// The condition keys of object writes (Service Authorization Reference, s3:PutObject): the canned ACL and grant
// headers, encryption, storage class, website redirect, conditional-write headers, copy source and directive, the
// creating operation, and the tags the request sets.
import type { ContextInput } from '../../../../policy/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { ObjectTag } from '../../repos/object-types.js';
import { requestTagKeys } from './object-tags.js';

const HEADER_KEYS: readonly (readonly [string, string])[] = [
  ['ACL', 's3:x-amz-acl'],
  ['GrantFullControl', 's3:x-amz-grant-full-control'],
  ['GrantRead', 's3:x-amz-grant-read'],
  ['GrantReadACP', 's3:x-amz-grant-read-acp'],
  ['GrantWrite', 's3:x-amz-grant-write'],
  ['GrantWriteACP', 's3:x-amz-grant-write-acp'],
  ['ServerSideEncryption', 's3:x-amz-server-side-encryption'],
  ['SSEKMSKeyId', 's3:x-amz-server-side-encryption-aws-kms-key-id'],
  ['SSECustomerAlgorithm', 's3:x-amz-server-side-encryption-customer-algorithm'],
  ['StorageClass', 's3:x-amz-storage-class'],
  ['WebsiteRedirectLocation', 's3:x-amz-website-redirect-location'],
  ['IfMatch', 's3:if-match'],
  ['IfNoneMatch', 's3:if-none-match'],
  ['CopySource', 's3:x-amz-copy-source'],
  ['MetadataDirective', 's3:x-amz-metadata-directive'],
];

/** `operation` is what `s3:ObjectCreationOperation` reports (PutObject, CopyObject, CompleteMultipartUpload, ...). */
export function writeContext(input: Shaped, operation: string, tags: readonly ObjectTag[] | undefined): ContextInput {
  const keys: Record<string, string | readonly string[]> = { 's3:ObjectCreationOperation': operation };
  for (const [member, key] of HEADER_KEYS) {
    const value = input[member];
    if (typeof value === 'string') keys[key] = value;
  }
  return tags === undefined ? keys : { ...keys, ...requestTagKeys(tags) };
}
