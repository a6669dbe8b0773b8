// iam:GenerateCredentialReport: builds the account's credential report. AWS builds it in the background and reuses
// one younger than four hours; xacct builds it at once, so it is ready as soon as this call returns.
import type { Shaped } from '../../../../protocol/index.js';
import { Accounts } from '../../../accounts/accounts.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { credentialReportCsv } from '../credential-report.js';
import { CredentialReports } from '../credential-reports.js';

export const REPORT_REUSE_MS = 4 * 3600 * 1000;

export function generateCredentialReport(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const reports = new CredentialReports(iam.db);
  const existing = reports.find(account);
  if (existing && call.now - existing.generatedAt < REPORT_REUSE_MS) return { State: 'COMPLETE' };
  const created = Date.parse(new Accounts(iam.db).find(account)?.createdAt ?? '') || call.now;
  iam.write(() => reports.put(account, { generatedAt: call.now, content: credentialReportCsv(iam, account, created) }));
  return {
    State: 'STARTED',
    Description: 'No report exists. Starting a new report generation task',
  };
}
