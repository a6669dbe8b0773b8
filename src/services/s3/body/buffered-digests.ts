// Content-MD5 and x-amz-checksum-* of a buffered XML body (DeleteObjects, PutObjectTagging, PutObjectAcl), checked
// against the body the pipeline read. Operations whose model requires a checksum refuse a request that sends none.
import { createHash } from 'node:crypto';
import { AwsError } from '../../../core/aws-error.js';
import { checksumBase64, verifyAmzChecksum } from '../../../core/checksums/index.js';
import type { CallContext } from '../../types.js';
import { claimedChecksum, contentMd5Of } from './body-plan.js';

export function checkBufferedDigests(call: CallContext, options: { readonly required: boolean }): void {
  const { headers } = call.http;
  const md5 = contentMd5Of(headers['content-md5']);
  const checksum = claimedChecksum(headers, undefined);
  if (options.required && md5 === undefined && checksum === undefined) {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: Content-MD5');
  }
  const body = call.body ?? Buffer.alloc(0);
  if (md5 !== undefined) {
    const calculated = createHash('md5').update(body).digest();
    if (!calculated.equals(md5)) {
      throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
        extra: { ExpectedDigest: md5.toString('hex'), CalculatedDigest: calculated.toString('base64') },
      });
    }
  }
  if (checksum?.value !== undefined) {
    const computed = Buffer.from(checksumBase64(checksum.algorithm, body), 'base64');
    verifyAmzChecksum(checksum.algorithm, checksum.value, computed, 'header');
  }
}
