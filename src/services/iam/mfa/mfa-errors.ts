// The errors of IAM's MFA operations, worded as AWS words them (recorded responses of the IAM API).
import { AwsError } from '../../../core/aws-error.js';
import { noSuchEntity } from '../errors.js';

export function noSuchDevice(serialNumber: string): AwsError {
  return noSuchEntity(`MFA Device with serial number ${serialNumber} does not exist.`);
}

export function invalidAuthenticationCode(): AwsError {
  return new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', { status: 403 });
}
