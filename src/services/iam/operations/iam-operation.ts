// Binds an IAM operation's authorization and handler to the shared IamContext, so the tables stay declarative.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation } from '../../types.js';
import type { IamContext } from '../iam-context.js';

export type IamHandler = (iam: IamContext, input: Shaped, call: CallContext) => Shaped;

export type IamAuthorization = (
  iam: IamContext,
  input: Shaped,
  call: CallContext,
) => AuthorizationTarget | readonly AuthorizationTarget[];

export function iamOperation(iam: IamContext, authorization: IamAuthorization, handle: IamHandler): ServiceOperation {
  return {
    authorization: (input, call) => authorization(iam, input, call),
    handle: (input, call) => handle(iam, input, call),
  };
}
