// ARNs of IAM entities and how names and paths are read back from them.

/** The IAM resource types whose ARNs are `arn:aws:iam::ACCOUNT:<type><path><name>`. */
export type IamResourceType = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

export function entityArn(account: string, type: IamResourceType, path: string, name: string): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`;
}

export interface ParsedEntityArn {
  readonly account: string;
  readonly type: string;
  readonly path: string;
  readonly name: string;
}

const ENTITY_ARN = /^arn:aws:iam::(\d{12}|aws):([a-z-]+)(\/(?:.*\/)?)([^/]+)$/;

/** `arn:aws:iam::123456789012:role/path/name` -> its parts; undefined when it is no IAM entity ARN. */
export function parseEntityArn(arn: string): ParsedEntityArn | undefined {
  const m = ENTITY_ARN.exec(arn);
  if (!m) return undefined;
  return { account: m[1]!, type: m[2]!, path: m[3]!, name: m[4]! };
}
