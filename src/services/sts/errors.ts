// The errors STS answers, worded as AWS words them (aws-reference 2.1, 2.7, 2.8). Handlers throw these.
import { AwsError } from '../../core/aws-error.js';

export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', message, { status: 403 });
}

/** A denied sts:AssumeRole / sts:TagSession / sts:SetSourceIdentity: AWS names no policy type for these. */
export function notAuthorized(callerArn: string, action: string, resource: string): AwsError {
  return accessDenied(`User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`);
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message);
}

export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message);
}

export function packedPolicyTooLarge(message: string): AwsError {
  return new AwsError('PackedPolicyTooLarge', message);
}

export function invalidIdentityToken(message: string): AwsError {
  return new AwsError('InvalidIdentityToken', message);
}

export function expiredTokenException(message: string): AwsError {
  return new AwsError('ExpiredTokenException', message);
}

export const MFA_FAILED = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

/** Temporary credentials cannot mint more temporary credentials of these kinds. */
export function sessionCredentialsRefused(operation: 'GetSessionToken' | 'GetFederationToken'): AwsError {
  return accessDenied(`Cannot call ${operation} with session credentials`);
}

/** A key STS cannot attribute to any account. */
export function invalidClientTokenId(): AwsError {
  return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', {
    status: 403,
  });
}
