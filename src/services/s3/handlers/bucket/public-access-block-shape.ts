// Block Public Access settings between the model's PublicAccessBlockConfiguration and the stored flags (S3 and
// S3 Control share the shape).
import type { Shaped } from '../../../../protocol/index.js';
import type { PublicAccessBlock } from '../../repos/buckets.js';

/** The model's PublicAccessBlockConfiguration as stored flags (an absent flag is false). */
export function toPublicAccessBlock(configuration: Shaped): PublicAccessBlock {
  return {
    blockPublicAcls: configuration.BlockPublicAcls === true,
    ignorePublicAcls: configuration.IgnorePublicAcls === true,
    blockPublicPolicy: configuration.BlockPublicPolicy === true,
    restrictPublicBuckets: configuration.RestrictPublicBuckets === true,
  };
}

export function publicAccessBlockOutput(block: PublicAccessBlock): Shaped {
  return {
    BlockPublicAcls: block.blockPublicAcls,
    IgnorePublicAcls: block.ignorePublicAcls,
    BlockPublicPolicy: block.blockPublicPolicy,
    RestrictPublicBuckets: block.restrictPublicBuckets,
  };
}
