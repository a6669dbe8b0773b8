// GetPublicAccessBlock: the bucket's own settings, or NoSuchPublicAccessBlockConfiguration (404).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { configurationNotFound } from './bucket-errors.js';
import { publicAccessBlockOutput } from './public-access-block-shape.js';

export function getPublicAccessBlock(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const block = bucket.configs.publicAccessBlock;
  if (block === undefined) {
    throw configurationNotFound(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      bucket.name,
    );
  }
  return { PublicAccessBlockConfiguration: publicAccessBlockOutput(block) };
}
