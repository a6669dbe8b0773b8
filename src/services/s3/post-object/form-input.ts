// The fields of a browser upload read as the PutObject input they stand for (acl, Content-Type, x-amz-meta-*,
// x-amz-storage-class, ...), so that POST uploads share PutObject's checks, and the `tagging` field's XML.

import { AwsError } from '../../../core/aws-error.js';
import { XMLParser } from '../../../core/fast-xml-parser.js';
import type { Shaped } from '../../../protocol/index.js';
import type { ObjectTag } from '../repos/object-types.js';

const FIELD_MEMBERS: readonly (readonly [string, string])[] = [
  ['acl', 'ACL'],
  ['x-amz-grant-full-control', 'GrantFullControl'],
  ['x-amz-grant-read', 'GrantRead'],
  ['x-amz-grant-read-acp', 'GrantReadACP'],
  ['x-amz-grant-write-acp', 'GrantWriteACP'],
  ['content-type', 'ContentType'],
  ['cache-control', 'CacheControl'],
  ['content-disposition', 'ContentDisposition'],
  ['content-encoding', 'ContentEncoding'],
  ['content-language', 'ContentLanguage'],
  ['expires', 'Expires'],
  ['x-amz-website-redirect-location', 'WebsiteRedirectLocation'],
  ['x-amz-storage-class', 'StorageClass'],
  ['x-amz-server-side-encryption', 'ServerSideEncryption'],
  ['x-amz-server-side-encryption-aws-kms-key-id', 'SSEKMSKeyId'],
  ['x-amz-server-side-encryption-context', 'SSEKMSEncryptionContext'],
  ['x-amz-server-side-encryption-bucket-key-enabled', 'BucketKeyEnabled'],
  ['x-amz-server-side-encryption-customer-algorithm', 'SSECustomerAlgorithm'],
];

const META = 'x-amz-meta-';

export function formInput(fields: ReadonlyMap<string, string>): Shaped {
  const input: Shaped = {};
  for (const [field, member] of FIELD_MEMBERS) {
    const value = fields.get(field);
    if (value !== undefined) input[member] = value;
  }
  const metadata: Record<string, string> = {};
  for (const [name, value] of fields)
    if (name.startsWith(META) && name.length > META.length) metadata[name.slice(META.length)] = value;
  if (Object.keys(metadata).length > 0) input.Metadata = metadata;
  return input;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Tag' });

/** The `tagging` field: a Tagging document, as PutObjectTagging takes it. */
export function formTags(xml: string | undefined): ObjectTag[] | undefined {
  if (xml === undefined) return undefined;
  let document: { Tagging?: { TagSet?: { Tag?: { Key?: unknown; Value?: unknown }[] } } };
  try {
    document = parser.parse(xml);
  } catch {
    throw malformedXml();
  }
  const tags = document.Tagging?.TagSet?.Tag;
  if (document.Tagging === undefined) throw malformedXml();
  return (tags ?? []).map((tag) => ({ Key: String(tag.Key ?? ''), Value: String(tag.Value ?? '') }));
}

function malformedXml(): AwsError {
  return new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}
