// ListBuckets: the caller's account's buckets by name, optionally filtered by prefix and region, paginated when the
// caller asks for pages (max-buckets or continuation-token).
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { BucketStore } from '../../repos/buckets.js';

const MAX_BUCKETS = 10000;

export function listBuckets(input: Shaped, call: CallContext): Shaped {
  // INVARIANT: s3:ListAllMyBuckets was allowed, so the caller is signed and has an account.
  const account = call.caller.account!;
  const prefix = (input.Prefix as string | undefined) ?? '';
  const region = input.BucketRegion as string | undefined;
  const paginated = input.MaxBuckets !== undefined || input.ContinuationToken !== undefined;
  const limit = (input.MaxBuckets as number | undefined) ?? MAX_BUCKETS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BUCKETS) {
    throw new AwsError('InvalidArgument', 'Argument max-buckets must be an integer between 1 and 10000.', {
      extra: { ArgumentName: 'max-buckets', ArgumentValue: String(input.MaxBuckets) },
    });
  }
  const after = input.ContinuationToken === undefined ? '' : decodeToken(input.ContinuationToken as string);
  const matching = BucketStore.of(call.deps.storage.db)
    .listByOwner(account)
    .filter((b) => b.name.startsWith(prefix) && b.name > after && (region === undefined || b.region === region));
  const page = paginated ? matching.slice(0, limit) : matching;
  const more = paginated && matching.length > page.length;
  return {
    Buckets: page.map((b) => ({
      Name: b.name,
      CreationDate: new Date(b.createdAt),
      BucketRegion: b.region,
      BucketArn: b.arn,
    })),
    Owner: { ID: call.caller.principal.canonicalUserId },
    ContinuationToken: more ? encodeToken(page[page.length - 1]!.name) : undefined,
    Prefix: input.Prefix,
  };
}

function encodeToken(name: string): string {
  return Buffer.from(name, 'utf8').toString('base64');
}

function decodeToken(token: string): string {
  const name = Buffer.from(token, 'base64').toString('utf8');
  if (name.length === 0 || encodeToken(name) !== token) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', {
      extra: { ArgumentName: 'continuation-token', ArgumentValue: token },
    });
  }
  return name;
}
