// S3 buckets, created by their account's root in their region, and their bucket policies. A bucket's region is
// fixed at creation; a bucket another account owns is an error, not something to take over.
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  type CreateBucketCommandInput,
  GetBucketPolicyCommand,
  ListBucketsCommand,
  PutBucketPolicyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { markCreated, markUpdated } from './apply-log.js';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';
import { mutate, type ReconcileContext, unlessNotFound } from './reconcile-context.js';
import type { BucketSpec, WorldAccount } from './world-types.js';

export async function reconcileBuckets(ctx: ReconcileContext, account: WorldAccount): Promise<void> {
  if (account.buckets.length === 0) return;
  const listing = await ctx.clients.s3(account.id, ctx.region).send(new ListBucketsCommand({}));
  const owned = new Set(listing.Buckets?.map((b) => b.Name));
  for (const spec of account.buckets) {
    await reconcileBucket(ctx, ctx.clients.s3(account.id, spec.region), account.id, spec, owned.has(spec.name));
  }
}

async function reconcileBucket(
  ctx: ReconcileContext,
  s3: S3Client,
  accountId: string,
  spec: BucketSpec,
  exists: boolean,
) {
  const change = ctx.log.resource(accountId, 'bucket', spec.name);
  const Bucket = spec.name;
  if (!exists) {
    markCreated(change);
    // us-east-1 is the one region CreateBucket refuses as a location constraint. Regions are checked on load.
    const LocationConstraint = spec.region as BucketLocationConstraint;
    const input: CreateBucketCommandInput =
      spec.region === 'us-east-1' ? { Bucket } : { Bucket, CreateBucketConfiguration: { LocationConstraint } };
    await mutate(ctx, () => s3.send(new CreateBucketCommand(input)));
  }
  if (spec.policy === undefined) return;
  const current = exists
    ? await unlessNotFound(s3.send(new GetBucketPolicyCommand({ Bucket })), 'NoSuchBucketPolicy')
    : undefined;
  if (current !== undefined && sameDocument(spec.policy, decodeDocument(current.Policy))) return;
  const Policy = documentText(spec.policy);
  await mutate(ctx, () => s3.send(new PutBucketPolicyCommand({ Bucket, Policy })));
  markUpdated(change, current === undefined ? 'bucket policy' : 'bucket policy updated');
}
