// sts:GetAccessKeyInfo: the account an access key belongs to, whatever the key's state. AKIA keys are IAM's; ASIA keys
// are STS sessions (kept a day after they expire). xacct's root keys, the 12-digit account ids, are shorter than the
// model's 16-character minimum, so they never get here.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { invalidClientTokenId } from '../errors.js';
import type { StsContext } from '../sts-context.js';

export function getAccessKeyInfo(sts: StsContext) {
  return (shaped: Shaped, call: CallContext): Shaped => {
    const accessKeyId = shaped.AccessKeyId as string;
    const account = accessKeyId.startsWith('ASIA')
      ? sts.sessions.accountOf(accessKeyId)
      : call.deps.directory.identities.accessKeyAccount(accessKeyId);
    if (account === undefined) throw invalidClientTokenId();
    return { Account: account };
  };
}
