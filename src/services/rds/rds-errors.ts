// The errors RDS answers with (query protocol, `<ErrorResponse>`), worded as AWS words them where known.
import { AwsError } from '../../core/aws-error.js';

export function dbInstanceNotFound(identifier: string): AwsError {
  return new AwsError('DBInstanceNotFound', `DBInstance ${identifier} not found.`, { status: 404 });
}

export function dbSnapshotNotFound(identifier: string): AwsError {
  return new AwsError('DBSnapshotNotFound', `DBSnapshot ${identifier} not found.`, { status: 404 });
}

export function dbInstanceAlreadyExists(): AwsError {
  return new AwsError('DBInstanceAlreadyExists', 'DB instance already exists');
}

export function dbSnapshotAlreadyExists(identifier: string): AwsError {
  return new AwsError(
    'DBSnapshotAlreadyExists',
    `Cannot create the snapshot because a snapshot with the identifier ${identifier} already exists.`,
  );
}

export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message);
}

export function invalidParameterCombination(message: string): AwsError {
  return new AwsError('InvalidParameterCombination', message);
}

export function kmsKeyNotAccessible(keyId: string): AwsError {
  return new AwsError(
    'KMSKeyNotAccessibleFault',
    `Specified KMS key [${keyId}] does not exist, is not enabled or you do not have permissions to access it.`,
  );
}

export function rdsAccessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', message, { status: 403 });
}
