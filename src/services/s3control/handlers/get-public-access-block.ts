// GetPublicAccessBlock (S3 Control): the account's settings, or NoSuchPublicAccessBlockConfiguration (404).
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import { publicAccessBlockOutput } from '../../s3/handlers/bucket/public-access-block-shape.js';
import { AccountPublicAccessBlocks } from '../../s3/repos/account-public-access-blocks.js';
import type { CallContext } from '../../types.js';

export function getPublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  const block = AccountPublicAccessBlocks.of(call.deps.storage.db).find(input.AccountId as string);
  if (block === undefined) {
    throw new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', {
      status: 404,
    });
  }
  return { PublicAccessBlockConfiguration: publicAccessBlockOutput(block) };
}
