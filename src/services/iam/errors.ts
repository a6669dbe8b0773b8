// The errors IAM answers with, worded as AWS words them (status codes from the IAM API reference).
import { AwsError } from '../../core/aws-error.js';

/** How NoSuchEntity and EntityAlreadyExists name each kind of entity. */
export type EntityKind = 'user' | 'group' | 'role' | 'instance-profile';

export function noSuchEntity(message: string): AwsError {
  return new AwsError('NoSuchEntity', message, { status: 404 });
}

export function entityNotFound(kind: EntityKind, name: string): AwsError {
  if (kind === 'instance-profile') return noSuchEntity(`Instance Profile ${name} cannot be found.`);
  return noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
}

export function entityExists(kind: EntityKind, name: string): AwsError {
  const message =
    kind === 'instance-profile'
      ? `Instance Profile ${name} already exists.`
      : `${kind[0]!.toUpperCase()}${kind.slice(1)} with name ${name} already exists.`;
  return new AwsError('EntityAlreadyExists', message, { status: 409 });
}

export function policyExists(name: string): AwsError {
  return new AwsError(
    'EntityAlreadyExists',
    `A policy called ${name} already exists. Duplicate names are not allowed.`,
    {
      status: 409,
    },
  );
}

export function policyNotFound(arn: string): AwsError {
  return noSuchEntity(`Policy ${arn} was not found.`);
}

export function policyNotAttachable(arn: string): AwsError {
  return noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
}

export function deleteConflict(message: string): AwsError {
  return new AwsError('DeleteConflict', message, { status: 409 });
}

export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceeded', message, { status: 409 });
}

export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInput', message, { status: 400 });
}

export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message, { status: 400 });
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message, { status: 400 });
}
