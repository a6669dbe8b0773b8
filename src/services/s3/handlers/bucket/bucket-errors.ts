// Errors several bucket configuration handlers share.
import { AwsError } from '../../../../core/aws-error.js';

export function malformedXml(): AwsError {
  return new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}

/** A configuration the bucket does not have (`NoSuchTagSet`, `NoSuchCORSConfiguration`, ...): 404 with `BucketName`. */
export function configurationNotFound(code: string, message: string, bucket: string): AwsError {
  return new AwsError(code, message, { status: 404, extra: { BucketName: bucket } });
}
