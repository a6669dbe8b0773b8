// STS operations: what each must be authorized for and which handler serves it.
import type { ServiceOperations } from '../types.js';
import { assumeRoleTargets, readAssumeRoleRequest, verifyRequestMfa } from './assume-role-request.js';
import { assumeRole } from './handlers/assume-role.js';
import { assumeRoleWithWebIdentity } from './handlers/assume-role-with-web-identity.js';
import { decodeAuthorizationMessage } from './handlers/decode-authorization-message.js';
import { getAccessKeyInfo } from './handlers/get-access-key-info.js';
import { getCallerIdentity } from './handlers/get-caller-identity.js';
import { federationTargets, getFederationToken } from './handlers/get-federation-token.js';
import { getSessionToken } from './handlers/get-session-token.js';
import type { StsContext } from './sts-context.js';
import { readWebIdentityRequest, webIdentityTargets } from './web-identity-request.js';

export function stsOperations(sts: StsContext): ServiceOperations {
  return {
    AssumeRole: {
      // The request is validated before the MFA code is spent; the trust policy then sees the MFA result.
      authorization: (input, call) =>
        assumeRoleTargets(readAssumeRoleRequest(input, call, sts), verifyRequestMfa(input, call)),
      handle: assumeRole(sts),
    },
    AssumeRoleWithWebIdentity: {
      allowAnonymous: true,
      authorization: (input, call) => webIdentityTargets(readWebIdentityRequest(input, call, sts)),
      handle: assumeRoleWithWebIdentity(sts),
    },
    DecodeAuthorizationMessage: {
      authorization: () => ({ action: 'sts:DecodeAuthorizationMessage', resource: '*', resourceAccount: undefined }),
      handle: decodeAuthorizationMessage,
    },
    GetAccessKeyInfo: {
      authorization: () => ({ action: 'sts:GetAccessKeyInfo', resource: '*', resourceAccount: undefined }),
      handle: getAccessKeyInfo(sts),
    },
    GetCallerIdentity: { handle: getCallerIdentity },
    GetFederationToken: { authorization: federationTargets(sts), handle: getFederationToken(sts) },
    GetSessionToken: { handle: getSessionToken(sts) },
  };
}
