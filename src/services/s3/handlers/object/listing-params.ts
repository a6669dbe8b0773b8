// What the listing operations share: their parameters (prefix, delimiter, max-keys, encoding-type) with S3's
// errors, the condition keys they are authorized with, URL encoding of listed names, and the Owner element.
import { AwsError } from '../../../../core/aws-error.js';
import type { ContextInput } from '../../../../policy/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { WalkOptions } from '../../repos/listing-walk.js';
import type { ObjectOwner } from '../../repos/object-types.js';

const MAX_PAGE = 1000;

export interface ListingParams extends WalkOptions {
  /** Encodes a listed name as the response must show it (URL encoding when `encoding-type=url`). */
  readonly encode: (text: string) => string;
  readonly encodingType: 'url' | undefined;
}

/** `maxMember` names the page-size member (`MaxKeys`, `MaxUploads`) and `maxParam` its query parameter. */
export function listingParams(input: Shaped, maxMember = 'MaxKeys', maxParam = 'max-keys'): ListingParams {
  const requested = input[maxMember] as number | undefined;
  if (requested !== undefined && (requested < 0 || requested > 2147483647)) {
    throw new AwsError(
      'InvalidArgument',
      `Argument ${maxParam === 'max-keys' ? 'maxKeys' : 'max-uploads'} must be an integer between 0 and 2147483647`,
      {
        extra: { ArgumentName: maxParam, ArgumentValue: String(requested) },
      },
    );
  }
  const encodingType = input.EncodingType as string | undefined;
  if (encodingType !== undefined && encodingType !== 'url') {
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      extra: { ArgumentName: 'encoding-type', ArgumentValue: encodingType },
    });
  }
  const delimiter = input.Delimiter as string | undefined;
  return {
    prefix: (input.Prefix as string | undefined) ?? '',
    delimiter: delimiter === '' ? undefined : delimiter,
    maxKeys: Math.min(requested ?? MAX_PAGE, MAX_PAGE),
    encodingType,
    encode: encodingType === 'url' ? urlEncodeName : (text) => text,
  };
}

/** s3:prefix (empty when absent), s3:delimiter when given, and s3:max-keys, which is always present. */
export function listingContext(input: Shaped, maxMember = 'MaxKeys'): ContextInput {
  const keys: Record<string, string | number> = {
    's3:prefix': (input.Prefix as string | undefined) ?? '',
    's3:max-keys': (input[maxMember] as number | undefined) ?? MAX_PAGE,
  };
  if (typeof input.Delimiter === 'string') keys['s3:delimiter'] = input.Delimiter;
  return keys;
}

/** Percent-encoding as S3 applies it to listed names: every byte but unreserved characters and `/`. */
export function urlEncodeName(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
}

export function ownerOutput(owner: ObjectOwner): Shaped {
  return { ID: owner.canonicalId };
}
