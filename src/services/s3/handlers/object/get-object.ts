// GetObject: streams an object version (or a range or part of it) after its conditions hold.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { isMissingBlob, openBlobBody } from '../../body/blob-body.js';
import { decryptBody } from '../../sse/body-cipher.js';
import { openBody } from '../../sse/object-encryption.js';
import { rejectSseOnRead } from '../../sse/sse-request.js';
import { authorizeObject, type ObjectActions } from './object-access.js';
import { objectHeaders, responseOverrides } from './object-output.js';
import { checkReadConditions } from './read-conditions.js';
import { selectBytes } from './select-bytes.js';

export const GET_OBJECT_ACTIONS: ObjectActions = { current: 's3:GetObject', version: 's3:GetObjectVersion' };

export async function getObject(input: Shaped, call: CallContext): Promise<Shaped> {
  rejectSseOnRead(call);
  // A concurrent overwrite may delete the blob between the lookup and the open: then read the new version.
  for (let attempt = 0; ; attempt++) {
    const { bucket, version } = authorizeObject(call, input, GET_OBJECT_ACTIONS);
    const overrides = responseOverrides(call, input);
    checkReadConditions(input, version, call.now);
    const selection = selectBytes(input, version);
    const cipher = openBody(call, bucket, version.key, version.kms);
    try {
      const stored = await openBlobBody(call.deps.storage.blobs, version.blobId ?? '', version.size, selection.range);
      const body = decryptBody(stored, cipher, selection.range.start);
      return {
        ...objectHeaders(bucket, version, input.ChecksumMode, selection.contentRange === undefined),
        ...overrides,
        ContentLength: selection.range.end - selection.range.start + 1,
        ContentRange: selection.contentRange,
        PartsCount: selection.partsCount,
        Body: body,
      };
    } catch (error) {
      if (attempt > 0 || !isMissingBlob(error)) throw error;
    }
  }
}
