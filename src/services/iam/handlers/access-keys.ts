// iam:CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey and GetAccessKeyLastUsed: a user's
// long-term keys (at most two). Without UserName a user acts on its own keys.
import { newAccessKeyId, newSecretAccessKey } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireUser, targetUserName } from '../entities.js';
import { limitExceeded, noSuchEntity } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { timestamp } from '../output.js';
import { indexKey, paginate } from '../pagination.js';
import type { AccessKeyRecord, AccessKeyStatus } from '../repos/access-keys.js';
import type { UserRecord } from '../repos/users.js';

const KEYS_PER_USER = 2;

function keyNotFound(accessKeyId: string) {
  return noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
}

function targetUser(iam: IamContext, input: Shaped, call: CallContext): UserRecord {
  return requireUser(iam, callerAccount(call), targetUserName(call, input.UserName));
}

/** The user's key the request names; a key of anyone else is as unknown as a key nobody issued. */
function requireKey(iam: IamContext, user: UserRecord, accessKeyId: string): AccessKeyRecord {
  const key = iam.accessKeys.byId(accessKeyId);
  if (!key || key.userId !== user.id) throw keyNotFound(accessKeyId);
  return key;
}

export function createAccessKey(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const user = targetUser(iam, input, call);
  if (iam.accessKeys.listForUser(user.id).length >= KEYS_PER_USER) {
    throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${KEYS_PER_USER}`);
  }
  const key: AccessKeyRecord = {
    id: newAccessKeyId('AKIA'),
    account: user.account,
    userId: user.id,
    secret: newSecretAccessKey(),
    status: 'Active',
    createdAt: call.now,
  };
  iam.write(() => iam.accessKeys.insert(key));
  return {
    AccessKey: {
      UserName: user.name,
      AccessKeyId: key.id,
      Status: key.status,
      SecretAccessKey: key.secret,
      CreateDate: timestamp(key.createdAt),
    },
  };
}

export function listAccessKeys(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  // The root user's own keys are not IAM users' keys; xacct issues none (root signs with its account id).
  if (input.UserName === undefined && call.caller.kind === 'root') return { AccessKeyMetadata: [], IsTruncated: false };
  const user = targetUser(iam, input, call);
  const page = paginate(iam.accessKeys.listForUser(user.id), input, `ListAccessKeys:${user.id}`, indexKey);
  return {
    AccessKeyMetadata: page.items.map((k) => ({
      UserName: user.name,
      AccessKeyId: k.id,
      Status: k.status,
      CreateDate: timestamp(k.createdAt),
    })),
    ...page.meta,
  };
}

export function updateAccessKey(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const key = requireKey(iam, targetUser(iam, input, call), input.AccessKeyId as string);
  iam.write(() => iam.accessKeys.setStatus(key.id, input.Status as AccessKeyStatus));
  return {};
}

export function deleteAccessKey(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const key = requireKey(iam, targetUser(iam, input, call), input.AccessKeyId as string);
  iam.write(() => iam.accessKeys.delete(key.id));
  iam.keyUsage.forget(key.id);
  return {};
}

export function getAccessKeyLastUsed(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const accessKeyId = input.AccessKeyId as string;
  const key = iam.accessKeys.byId(accessKeyId);
  const user = key && key.account === callerAccount(call) ? iam.users.byId(key.userId) : undefined;
  if (!key || !user) throw keyNotFound(accessKeyId);
  const use = iam.keyUsage.lastUse(key.id);
  return {
    UserName: user.name,
    AccessKeyLastUsed: use
      ? { LastUsedDate: timestamp(use.at), ServiceName: use.service, Region: use.region }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
}
