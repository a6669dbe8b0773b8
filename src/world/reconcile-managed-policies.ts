// Customer managed policies: created when missing; when the document differs, a new version becomes the
// default, and at IAM's limit of five versions the oldest non-default one makes room for it.
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  type IAMClient,
  type PolicyVersion,
  paginateListPolicyVersions,
} from '@aws-sdk/client-iam';
import { markCreated, markUpdated } from './apply-log.js';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';
import { collect, mutate, type ReconcileContext, unlessNotFound } from './reconcile-context.js';
import type { ManagedPolicySpec, WorldAccount } from './world-types.js';

const MAX_VERSIONS = 5;

export async function reconcileManagedPolicies(ctx: ReconcileContext, account: WorldAccount): Promise<void> {
  const iam = ctx.clients.iam(account.id);
  for (const spec of account.policies) await reconcilePolicy(ctx, iam, account.id, spec);
}

async function reconcilePolicy(ctx: ReconcileContext, iam: IAMClient, accountId: string, spec: ManagedPolicySpec) {
  const change = ctx.log.resource(accountId, 'policy', spec.name);
  const PolicyArn = `arn:aws:iam::${accountId}:policy${spec.path}${spec.name}`;
  const current = await unlessNotFound(
    iam.send(new GetPolicyCommand({ PolicyArn })),
    'NoSuchEntityException',
    'NoSuchEntity',
  );
  const PolicyDocument = documentText(spec.document);
  if (current?.Policy === undefined) {
    markCreated(change);
    await mutate(ctx, () =>
      iam.send(
        new CreatePolicyCommand({
          PolicyName: spec.name,
          Path: spec.path,
          Description: spec.description,
          PolicyDocument,
        }),
      ),
    );
    return;
  }
  const VersionId = current.Policy.DefaultVersionId;
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId }));
  if (sameDocument(spec.document, decodeDocument(version.PolicyVersion?.Document))) return;
  const versions = await collect(paginateListPolicyVersions({ client: iam }, { PolicyArn }), (p) => p.Versions);
  const oldest = versions.length >= MAX_VERSIONS ? oldestNonDefault(versions) : undefined;
  if (oldest !== undefined) {
    await mutate(ctx, () => iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: oldest })));
    markUpdated(change, `deleted old version ${oldest}`);
  }
  await mutate(ctx, () => iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument, SetAsDefault: true })));
  markUpdated(change, `new default version (was ${VersionId})`);
}

function oldestNonDefault(versions: readonly PolicyVersion[]): string | undefined {
  const candidates = versions.filter((v) => !v.IsDefaultVersion && v.VersionId !== undefined);
  candidates.sort(
    (a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0) || versionNumber(a) - versionNumber(b),
  );
  return candidates[0]?.VersionId;
}

/** Versions created within one second share a CreateDate; `v3` is still older than `v4`. */
function versionNumber(v: PolicyVersion): number {
  return Number(v.VersionId?.replace(/^v/, '') ?? 0);
}
