// Reads the RoleArn parameter: a string that is not an ARN at all is a ValidationError; any well-formed ARN names an
// account, and whether a role exists there is for IAM (and the denial) to say.
import { validationError } from './errors.js';

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;

export interface RequestedRole {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
}

export function readRoleArn(text: string): RequestedRole {
  const match = ARN.exec(text);
  if (match === null) throw validationError(`${text} is invalid`);
  return { arn: text, partition: match[1]!, account: match[4]! };
}
