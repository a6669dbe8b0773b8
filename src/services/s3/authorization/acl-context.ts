// The ACL condition keys of a request (`s3:x-amz-acl`, `s3:x-amz-grant-*`), present only when the headers are sent.
import type { ContextInput } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';

const KEYS: readonly (readonly [string, string])[] = [
  ['ACL', 's3:x-amz-acl'],
  ['GrantFullControl', 's3:x-amz-grant-full-control'],
  ['GrantRead', 's3:x-amz-grant-read'],
  ['GrantReadACP', 's3:x-amz-grant-read-acp'],
  ['GrantWrite', 's3:x-amz-grant-write'],
  ['GrantWriteACP', 's3:x-amz-grant-write-acp'],
];

export function aclContext(input: Shaped): ContextInput {
  const out: Record<string, string> = {};
  for (const [member, key] of KEYS) {
    const value = input[member];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
