// iam:GetCredentialReport: the last generated report as CSV, refused once it is older than four hours.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { CredentialReports } from '../credential-reports.js';
import { REPORT_REUSE_MS } from './generate-credential-report.js';

export function getCredentialReport(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const report = new CredentialReports(iam.db).find(callerAccount(call));
  // AWS sends this error without a message.
  if (report === undefined) throw new AwsError('ReportNotPresent', '', { status: 410 });
  if (call.now - report.generatedAt >= REPORT_REUSE_MS) {
    throw new AwsError(
      'ReportExpired',
      'The credential report has expired. To generate a new report, call GenerateCredentialReport.',
      { status: 410 },
    );
  }
  return {
    Content: Buffer.from(report.content, 'utf8'),
    ReportFormat: 'text/csv',
    GeneratedTime: new Date(report.generatedAt),
  };
}
