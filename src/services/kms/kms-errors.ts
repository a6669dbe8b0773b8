// The errors KMS answers with, worded as AWS words them (recorded responses where known; docs/errors.md lists the
// catalog). Every KMS error is HTTP 400, AccessDeniedException included.
import { AwsError } from '../../core/aws-error.js';

export function keyNotFound(keyArn: string): AwsError {
  return new AwsError('NotFoundException', `Key '${keyArn}' does not exist`);
}

export function aliasNotFound(aliasArn: string): AwsError {
  return new AwsError('NotFoundException', `Alias ${aliasArn} is not found.`);
}

export function invalidKeyId(value: string): AwsError {
  return new AwsError('NotFoundException', `Invalid keyId '${value}'`);
}

/** A key or alias ARN naming another region than the one the request was sent to. */
export function invalidArnRegion(region: string): AwsError {
  return new AwsError('NotFoundException', `Invalid arn ${region}`);
}

export function keyDisabled(keyArn: string): AwsError {
  return new AwsError('DisabledException', `${keyArn} is disabled.`);
}

export function keyPendingDeletion(keyArn: string): AwsError {
  return new AwsError('KMSInvalidStateException', `${keyArn} is pending deletion.`);
}

export function invalidState(message: string): AwsError {
  return new AwsError('KMSInvalidStateException', message);
}

/** AWS gives no reason: a wrong encryption context and a damaged blob look the same. */
export function invalidCiphertext(): AwsError {
  return new AwsError('InvalidCiphertextException', '');
}

export function incorrectKey(): AwsError {
  return new AwsError(
    'IncorrectKeyException',
    'The key ID in the request does not identify a CMK that can perform this operation.',
  );
}

export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocumentException', message);
}

/** CreateGrant naming an IAM user or role that does not exist (the wording is xacct's). */
export function invalidGrantPrincipal(value: string): AwsError {
  return new AwsError('InvalidArnException', `The principal ${value} does not exist.`);
}

export function validation(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

export function unsupported(message: string): AwsError {
  return new AwsError('UnsupportedOperationException', message);
}

export function dryRunSucceeded(): AwsError {
  return new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.');
}

export function invalidMarker(): AwsError {
  return new AwsError('InvalidMarkerException', 'Invalid marker');
}

export function kmsAccessDenied(message: string): AwsError {
  return new AwsError('AccessDeniedException', message);
}
