// The region a CreateBucket request creates its bucket in: the region it was signed for, which the
// LocationConstraint (absent only for us-east-1) must name.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** @throws AwsError `InvalidLocationConstraint` or `IllegalLocationConstraintException` (400). */
export function requestedRegion(call: CallContext, input: Shaped): string {
  const region = call.region;
  const given = (input.CreateBucketConfiguration as Shaped | undefined)?.LocationConstraint;
  const constraint = typeof given === 'string' && given !== '' ? given : undefined;
  if (constraint === undefined) {
    if (region === 'us-east-1') return region;
    throw illegal('unspecified');
  }
  // us-east-1 is the one region a LocationConstraint may not name.
  if (constraint === 'us-east-1' || (constraint !== 'EU' && !REGION.test(constraint))) {
    throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', {
      extra: { LocationConstraint: constraint },
    });
  }
  const named = constraint === 'EU' ? 'eu-west-1' : constraint;
  if (named !== region) throw illegal(constraint);
  return named;
}

function illegal(constraint: string): AwsError {
  return new AwsError(
    'IllegalLocationConstraintException',
    `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
  );
}
