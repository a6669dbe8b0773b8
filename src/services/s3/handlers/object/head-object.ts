// HeadObject: GetObject's answer without the body.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { openBody } from '../../sse/object-encryption.js';
import { rejectSseOnRead } from '../../sse/sse-request.js';
import { GET_OBJECT_ACTIONS } from './get-object.js';
import { authorizeObject } from './object-access.js';
import { objectHeaders, responseOverrides } from './object-output.js';
import { checkReadConditions } from './read-conditions.js';
import { selectBytes } from './select-bytes.js';

export function headObject(input: Shaped, call: CallContext): Shaped {
  rejectSseOnRead(call);
  const { bucket, version } = authorizeObject(call, input, GET_OBJECT_ACTIONS);
  const overrides = responseOverrides(call, input);
  checkReadConditions(input, version, call.now);
  const selection = selectBytes(input, version);
  // Metadata is not encrypted; S3 needs kms:Decrypt only to answer the stored checksum (S3 API, HeadObject).
  if (String(input.ChecksumMode).toUpperCase() === 'ENABLED') openBody(call, bucket, version.key, version.kms);
  return {
    ...objectHeaders(bucket, version, input.ChecksumMode, selection.contentRange === undefined),
    ...overrides,
    ContentLength: selection.range.end - selection.range.start + 1,
    ContentRange: selection.contentRange,
    PartsCount: selection.partsCount,
  };
}
