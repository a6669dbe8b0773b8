// The root user of every account: access key id = the 12-digit account id, one shared secret (`--root-secret`).
import { isAccountId } from '../../core/arn.js';
import { rootArn } from '../../policy/index.js';
import type { CredentialSource } from '../types.js';

export function rootCredentialSource(rootSecret: string): CredentialSource {
  return (accessKeyId) => {
    if (!isAccountId(accessKeyId)) return undefined;
    return {
      secretAccessKey: rootSecret,
      caller: {
        kind: 'root',
        principal: { type: 'Account', arn: rootArn(accessKeyId), account: accessKeyId },
        account: accessKeyId,
        accessKeyId,
        userId: accessKeyId,
        userName: undefined,
        session: undefined,
      },
    };
  };
}
