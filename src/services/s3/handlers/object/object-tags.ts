// Object tags: the `x-amz-tagging` header and Tagging documents read and checked with S3's errors, and the condition
// keys tags feed (`s3:RequestObjectTag/<k>`, `s3:RequestObjectTagKeys`, `s3:ExistingObjectTag/<k>`).
import { AwsError } from '../../../../core/aws-error.js';
import type { ContextInput } from '../../../../policy/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { ObjectTag } from '../../repos/object-types.js';

const MAX_TAGS = 10;
const TAG_TEXT = /^[\p{L}\p{N}\p{Zs}_.:/=+\-@]*$/u;

/** The characters S3 allows in tag keys and values, of objects and buckets: letters, digits, spaces, `_.:/=+-@`. */
export function isTagText(text: string): boolean {
  return TAG_TEXT.test(text);
}

const badHeader = (value: string) =>
  new AwsError(
    'InvalidArgument',
    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    { extra: { ArgumentName: 'x-amz-tagging', ArgumentValue: value } },
  );

/** The tags of an `x-amz-tagging` header (`k1=v1&k2=v2`, URL-encoded). */
export function parseTaggingHeader(header: string): ObjectTag[] {
  const tags: ObjectTag[] = [];
  const seen = new Set<string>();
  for (const pair of header.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq !== pair.lastIndexOf('=')) throw badHeader(header);
    const key = decode(eq === -1 ? pair : pair.slice(0, eq), header);
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1), header);
    if (seen.has(key)) throw badHeader(header);
    seen.add(key);
    tags.push({ Key: key, Value: value });
  }
  checkTags(tags);
  return tags;
}

function decode(text: string, header: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badHeader(header);
  }
}

/** A Tagging document's TagSet (PutObjectTagging, POST uploads). */
export function tagsFromDocument(tagging: Shaped | undefined): ObjectTag[] {
  const set = (tagging?.TagSet as Shaped[] | undefined) ?? [];
  const tags = set.map((tag) => ({ Key: String(tag.Key ?? ''), Value: String(tag.Value ?? '') }));
  const seen = new Set<string>();
  for (const tag of tags) {
    if (seen.has(tag.Key)) {
      throw new AwsError('InvalidTag', 'Cannot provide multiple Tags with the same key', {
        extra: { TagKey: tag.Key },
      });
    }
    seen.add(tag.Key);
  }
  checkTags(tags);
  return tags;
}

/** S3's limits on object tags: ten at most, keys of 1-128 and values of 0-256 characters, no `aws:` keys. */
export function checkTags(tags: readonly ObjectTag[]): void {
  if (tags.length > MAX_TAGS) throw new AwsError('BadRequest', 'Object tags cannot be greater than 10');
  for (const { Key, Value } of tags) {
    if (Key.startsWith('aws:')) {
      throw new AwsError('InvalidTag', 'Your TagKey cannot be prefixed with aws:', { extra: { TagKey: Key } });
    }
    const keyLength = [...Key].length;
    if (keyLength === 0 || keyLength > 128 || !isTagText(Key)) {
      throw new AwsError('InvalidTag', 'The TagKey you have provided is invalid', { extra: { TagKey: Key } });
    }
    if ([...Value].length > 256 || !isTagText(Value)) {
      throw new AwsError('InvalidTag', 'The TagValue you have provided is invalid', {
        extra: { TagKey: Key, TagValue: Value },
      });
    }
  }
}

/** `s3:RequestObjectTag/<k>` for each tag and `s3:RequestObjectTagKeys`. */
export function requestTagKeys(tags: readonly ObjectTag[]): ContextInput {
  const keys: Record<string, string | readonly string[]> = { 's3:RequestObjectTagKeys': tags.map((t) => t.Key) };
  for (const tag of tags) keys[`s3:RequestObjectTag/${tag.Key}`] = tag.Value;
  return keys;
}

/** `s3:ExistingObjectTag/<k>` for each tag the object already has. */
export function existingTagKeys(tags: readonly ObjectTag[] | undefined): ContextInput {
  const keys: Record<string, string> = {};
  for (const tag of tags ?? []) keys[`s3:ExistingObjectTag/${tag.Key}`] = tag.Value;
  return keys;
}
