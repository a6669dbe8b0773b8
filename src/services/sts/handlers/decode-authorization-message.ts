// sts:DecodeAuthorizationMessage: xacct's denials carry their full reason in plain text and the trail, so it never
// encodes authorization messages; every message it is asked to decode is therefore not one of its own.
import { AwsError } from '../../../core/aws-error.js';

export function decodeAuthorizationMessage(): never {
  throw new AwsError(
    'InvalidAuthorizationMessageException',
    'The error message could not be decoded: xacct does not encode authorization messages; see the trail (xacct trail) for the reason of a denial.',
  );
}
