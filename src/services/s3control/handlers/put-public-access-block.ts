// PutPublicAccessBlock (S3 Control): the account's Block Public Access settings, which every bucket of the account
// combines with its own.
import type { Shaped } from '../../../protocol/index.js';
import { toPublicAccessBlock } from '../../s3/handlers/bucket/public-access-block-shape.js';
import { AccountPublicAccessBlocks } from '../../s3/repos/account-public-access-blocks.js';
import type { CallContext } from '../../types.js';

export function putPublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  const block = toPublicAccessBlock(input.PublicAccessBlockConfiguration as Shaped);
  AccountPublicAccessBlocks.of(call.deps.storage.db).put(input.AccountId as string, block);
  return {};
}
