// DeletePublicAccessBlock (S3 Control): removes the account's settings; buckets keep their own.
import type { Shaped } from '../../../protocol/index.js';
import { AccountPublicAccessBlocks } from '../../s3/repos/account-public-access-blocks.js';
import type { CallContext } from '../../types.js';

export function deletePublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  AccountPublicAccessBlocks.of(call.deps.storage.db).delete(input.AccountId as string);
  return {};
}
