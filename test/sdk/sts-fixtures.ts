// Shared set-up for the STS black-box tests: IAM users with access keys, roles with trust and permission policies,
// clients for any credential, and TOTP codes for virtual MFA devices, all through the real SDK clients.
import { createHmac } from 'node:crypto';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  type AssumeRoleCommandInput,
  type AssumeRoleCommandOutput,
  STSClient,
  type Credentials as StsCredentials,
} from '@aws-sdk/client-sts';
import type { Credentials, TestServer } from './harness.js';

export type Statement = Record<string, unknown>;

export function policy(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: Statement = {}): Statement {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

export function trust(principal: Record<string, unknown>, extra: Statement = {}): Statement {
  return { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra };
}

/** AWS's AssumeRole (and sts:TagSession, sts:SetSourceIdentity) denial: no policy type named. */
export function assumeRoleDenial(caller: string, roleArn: string, action = 'sts:AssumeRole'): string {
  return `User: ${caller} is not authorized to perform: ${action} on resource: ${roleArn}`;
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the request to fail');
}

export function sessionCredentials(credentials: StsCredentials | undefined): Credentials {
  return {
    accessKeyId: credentials!.AccessKeyId!,
    secretAccessKey: credentials!.SecretAccessKey!,
    sessionToken: credentials!.SessionToken!,
  };
}

export interface UserHandle {
  readonly arn: string;
  readonly credentials: Credentials;
}

export class StsWorld {
  constructor(readonly server: TestServer) {}

  iam(account: string): IAMClient {
    return new IAMClient(this.server.client(account));
  }

  sts(credentials: Credentials | string, systemClockOffset = 0): STSClient {
    return new STSClient({ ...this.server.client(credentials), systemClockOffset });
  }

  assumeRole(
    credentials: Credentials,
    input: Partial<AssumeRoleCommandInput> & { RoleArn: string },
  ): Promise<AssumeRoleCommandOutput> {
    return this.sts(credentials).send(new AssumeRoleCommand({ RoleSessionName: 'test-session', ...input }));
  }

  /** An IAM user with an access key and, when given, one inline policy. */
  async user(account: string, name: string, document?: string): Promise<UserHandle> {
    const iam = this.iam(account);
    const { User } = await iam.send(new CreateUserCommand({ UserName: name }));
    if (document !== undefined) {
      await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'inline', PolicyDocument: document }));
    }
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    return {
      arn: User!.Arn!,
      credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! },
    };
  }

  /** A role with a trust policy and, when given, one inline permission policy; returns its ARN. */
  async role(
    account: string,
    name: string,
    trustStatements: Statement[],
    permissions?: string,
    extra: { MaxSessionDuration?: number; Path?: string; Tags?: { Key: string; Value: string }[] } = {},
  ): Promise<string> {
    const iam = this.iam(account);
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: policy(...trustStatements), ...extra }),
    );
    if (permissions !== undefined) {
      await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'inline', PolicyDocument: permissions }));
    }
    return Role!.Arn!;
  }
}

/** RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30-second steps) of a base32 seed at `nowMs`, as an authenticator app shows. */
export function totp(base32Seed: string, nowMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32Seed.replace(/=+$/, '')) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
