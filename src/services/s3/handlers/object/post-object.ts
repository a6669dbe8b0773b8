// PostObject (browser uploads): the form is read as it streams, its signature and policy checked, the upload
// authorized as s3:PutObject by the form's signer (s3:authType POST), and the file streamed into the object. The
// answer is a 303 to success_action_redirect, or success_action_status (200, 201 with a PostResponse, 204).
import { AwsError } from '../../../../core/aws-error.js';
import type { AmzChecksumAlgorithm } from '../../../../core/checksums/index.js';
import { readPostObjectForm, type Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { aclParts } from '../../authorization/acl-input.js';
import { requireBucket, s3Target } from '../../authorization/s3-target.js';
import { claimedChecksum } from '../../body/body-plan.js';
import { formInput, formTags } from '../../post-object/form-input.js';
import { checkPostPolicy, parsePostPolicy, type SizeLimits } from '../../post-object/post-policy.js';
import { type FormSigner, verifyPostSignature } from '../../post-object/post-signature.js';
import { storeFile } from '../../post-object/store-file.js';
import type { BucketRecord } from '../../repos/buckets.js';
import type { ObjectTag, ObjectVersion } from '../../repos/object-types.js';
import { sealNewObject } from '../../sse/object-encryption.js';
import { commitObject } from './commit-object.js';
import { urlEncodeName } from './listing-params.js';
import { checkTags } from './object-tags.js';
import { newObjectAttributes } from './put-object.js';
import { writeContext } from './write-context.js';

export async function postObject(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const form = await readPostObjectForm(input.Body as NodeJS.ReadableStream, input.ContentType as string);
  const template = form.fields.get('key');
  if (template === undefined) {
    throw new AwsError(
      'InvalidArgument',
      "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
      { extra: { ArgumentName: 'key', ArgumentValue: '' } },
    );
  }
  const key = template.replaceAll('${filename}', form.file.filename);
  const signer = verifyPostSignature(call, form.fields);
  const limits = signer === undefined ? undefined : policyLimits(form.fields, bucket, key, call.now);
  const request = formInput(form.fields);
  const tags = formTags(form.fields.get('tagging'));
  if (tags !== undefined) checkTags(tags);
  authorizePost(call, bucket, key, request, tags, signer);
  // The signer is the requester of everything the upload does, KMS calls for SSE-KMS included.
  const asSigner: CallContext =
    signer === undefined
      ? call
      : { ...call, caller: signer.caller, authorize: (target) => call.authorize({ ...target, caller: signer.caller }) };
  const attributes = newObjectAttributes(asSigner, request, bucket, key, tags ?? [], 'form');
  const claimed = claimedChecksum(Object.fromEntries(form.fields), undefined);
  const encryption = sealNewObject(asSigner, request, bucket, key);
  const stored = await storeFile(call, form.file.body, {
    limits,
    algorithm: (claimed?.algorithm ?? 'CRC64NVME') as AmzChecksumAlgorithm,
    claimed: claimed?.value,
    cipher: encryption.cipher,
  });
  const version = await commitObject(
    call,
    {
      ...attributes,
      ...stored,
      kms: encryption.kms,
      bucket: bucket.name,
      key,
      lastModified: call.now,
      parts: undefined,
    },
    undefined,
    undefined,
  );
  return postResponse(call, form.fields, bucket, version, encryption.output);
}

function policyLimits(fields: ReadonlyMap<string, string>, bucket: BucketRecord, key: string, now: number): SizeLimits {
  const policy = parsePostPolicy(fields.get('policy') ?? '');
  return checkPostPolicy(policy, fields, { bucket: bucket.name, key }, now);
}

/** s3:PutObject (and s3:PutObjectAcl / s3:PutObjectTagging when the form sets them) as the form's signer. */
function authorizePost(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  request: Shaped,
  tags: readonly ObjectTag[] | undefined,
  signer: FormSigner | undefined,
): void {
  const context = {
    ...writeContext(request, 'PostObject', tags),
    's3:authType': 'POST',
    ...(signer === undefined
      ? {}
      : { 's3:signatureversion': 'AWS4-HMAC-SHA256', 's3:signatureAge': Math.max(0, call.now - signer.signedAt) }),
  };
  const actions = ['s3:PutObject'];
  const acl = aclParts(request);
  if (acl.canned || acl.grants) actions.push('s3:PutObjectAcl');
  if (tags !== undefined) actions.push('s3:PutObjectTagging');
  for (const action of actions) {
    call.authorize({ ...s3Target(call, { action, bucket, key, context }), caller: signer?.caller });
  }
}

function postResponse(
  call: CallContext,
  fields: ReadonlyMap<string, string>,
  bucket: BucketRecord,
  version: ObjectVersion,
  encryption: Shaped,
): Shaped {
  const { key, etag } = version;
  const location = `${call.deps.config.endpointUrl}/${bucket.name}/${urlEncodeName(key)}`;
  const common = {
    ETag: `"${etag}"`,
    VersionId: bucket.versioning === 'Enabled' ? version.versionId : undefined,
    ...encryption,
  };
  const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  if (redirect !== undefined && /^https?:\/\//i.test(redirect)) {
    const query = new URLSearchParams({ bucket: bucket.name, key, etag: `"${etag}"` }).toString();
    const target = asciiUrl(redirect);
    return { ...common, StatusCode: 303, Location: `${target}${target.includes('?') ? '&' : '?'}${query}` };
  }
  const status = fields.get('success_action_status');
  if (status === '201') {
    return {
      ...common,
      StatusCode: 201,
      Location: location,
      PostResponse: { Location: location, Bucket: bucket.name, Key: key, ETag: `"${etag}"` },
    };
  }
  return { ...common, StatusCode: status === '200' ? 200 : 204, Location: location };
}

/** A form's redirect URL as a Location header can carry it: anything but printable ASCII percent-encoded as UTF-8. */
function asciiUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]+/g, (run) =>
    Array.from(Buffer.from(run, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
