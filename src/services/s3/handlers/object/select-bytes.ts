// Which bytes of an object a GET or HEAD asks for: everything, a `Range`, or one part (`partNumber`) of an object
// completed from a multipart upload.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import { type ByteRange, contentRange, parseRange } from '../../body/byte-range.js';
import type { ObjectVersion } from '../../repos/object-types.js';

export interface ByteSelection {
  readonly range: ByteRange;
  /** Set for partial responses (206). */
  readonly contentRange: string | undefined;
  /** `x-amz-mp-parts-count`, answered to partNumber reads of multipart objects. */
  readonly partsCount: number | undefined;
}

export function selectBytes(input: Shaped, version: ObjectVersion): ByteSelection {
  const size = version.size;
  const whole: ByteSelection = { range: { start: 0, end: size - 1 }, contentRange: undefined, partsCount: undefined };
  const partNumber = input.PartNumber as number | undefined;
  const rangeHeader = input.Range as string | undefined;
  if (partNumber !== undefined && rangeHeader !== undefined) {
    throw new AwsError('InvalidRequest', 'Cannot specify both Range header and partNumber query parameter');
  }
  if (partNumber !== undefined) return selectPart(version, partNumber);
  const range = parseRange(rangeHeader, size);
  return range === undefined ? whole : { range, contentRange: contentRange(range, size), partsCount: undefined };
}

function selectPart(version: ObjectVersion, partNumber: number): ByteSelection {
  checkPartNumber(partNumber);
  const parts = version.parts ?? [{ size: version.size }];
  if (partNumber > parts.length) {
    throw new AwsError('InvalidPartNumber', 'The requested partnumber is not satisfiable', {
      status: 416,
      extra: { PartNumberRequested: String(partNumber), ActualPartCount: String(parts.length) },
    });
  }
  let start = 0;
  for (let i = 0; i < partNumber - 1; i++) start += parts[i]!.size;
  const range = { start, end: start + parts[partNumber - 1]!.size - 1 };
  return {
    range,
    contentRange: contentRange(range, version.size),
    partsCount: version.parts === undefined ? undefined : parts.length,
  };
}

export function checkPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      extra: { ArgumentName: 'partNumber', ArgumentValue: String(partNumber) },
    });
  }
}
