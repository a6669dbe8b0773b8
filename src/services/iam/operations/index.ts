// Every IAM operation the server serves: the per-area tables merged into one. Each area exports a function of the
// shared IamContext (or a constant table) and adds one import and one spread line here.
import type { ServiceOperations } from '../../types.js';
import { accountOperations } from '../account/operations.js';
import type { IamContext } from '../iam-context.js';
import { mfaOperations } from '../mfa/operations.js';
import { providerOperations } from '../oidc/operations.js';
import { reportOperations } from '../reports/operations.js';
import { simulationOperations } from '../simulate/operations.js';
import { accessKeyOperations } from './access-keys.js';
import { groupOperations } from './groups.js';
import { instanceProfileOperations } from './instance-profiles.js';
import { policyOperations } from './policies.js';
import { policyAttachmentOperations } from './policy-attachments.js';
import { roleOperations } from './roles.js';
import { userOperations } from './users.js';

export function iamOperations(iam: IamContext): ServiceOperations {
  return {
    ...userOperations(iam),
    ...groupOperations(iam),
    ...roleOperations(iam),
    ...instanceProfileOperations(iam),
    ...policyOperations(iam),
    ...policyAttachmentOperations(iam),
    ...accessKeyOperations(iam),
    ...mfaOperations(iam),
    ...providerOperations(iam),
    ...accountOperations(iam),
    ...simulationOperations(iam),
    ...reportOperations(iam),
  };
}
