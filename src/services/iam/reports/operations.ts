// IAM account reports (authorization details and the credential report): what each must be authorized for and
// which handler serves it. These actions have no resource type, so they are authorized on `*`.
import type { ServiceOperation, ServiceOperations } from '../../types.js';
import { iamTarget } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { type IamHandler, iamOperation } from '../operations/iam-operation.js';
import { generateCredentialReport } from './handlers/generate-credential-report.js';
import { getAccountAuthorizationDetails } from './handlers/get-account-authorization-details.js';
import { getCredentialReport } from './handlers/get-credential-report.js';

function onAccount(iam: IamContext, action: string, handle: IamHandler): ServiceOperation {
  return iamOperation(iam, (_i, _input, call) => iamTarget(call, action, { arn: '*' }), handle);
}

export function reportOperations(iam: IamContext): ServiceOperations {
  return {
    GetAccountAuthorizationDetails: onAccount(iam, 'GetAccountAuthorizationDetails', getAccountAuthorizationDetails),
    GenerateCredentialReport: onAccount(iam, 'GenerateCredentialReport', generateCredentialReport),
    GetCredentialReport: onAccount(iam, 'GetCredentialReport', getCredentialReport),
  };
}
