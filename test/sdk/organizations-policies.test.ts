// Organizations policies through the real client: policy types on the root, the AWS managed defaults, customer
// SCPs and RCPs (validated by the policy engine), attachments and their limits.
import {
  AttachPolicyCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  type PolicyType,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const MGMT = '111111111111';
const SCP: PolicyType = 'SERVICE_CONTROL_POLICY';
const RCP: PolicyType = 'RESOURCE_CONTROL_POLICY';
const DENY_S3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
});
const DENY_RCP = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }],
});

let server: TestServer;
let orgs: OrganizationsClient;
let orgId: string;
let rootId: string;
let ouId: string;

beforeAll(async () => {
  server = await startTestServer();
  orgs = new OrganizationsClient(server.client(MGMT));
  orgId = (await orgs.send(new CreateOrganizationCommand({}))).Organization?.Id as string;
  rootId = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id as string;
  ouId = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'workloads' })))
    .OrganizationalUnit?.Id as string;
});
afterAll(async () => server.close());

async function policiesOn(target: string, filter: PolicyType = SCP): Promise<string[]> {
  const { Policies } = await orgs.send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: filter }));
  return (Policies ?? []).map((p) => p.Name as string);
}

describe('policy types', () => {
  it('refuses attaching an SCP before the type is enabled', async () => {
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({ Name: 'early', Description: '', Type: SCP, Content: DENY_S3 }),
    );
    await expect(
      orgs.send(new AttachPolicyCommand({ PolicyId: Policy?.PolicySummary?.Id, TargetId: ouId })),
    ).rejects.toMatchObject({ name: 'PolicyTypeNotEnabledException' });
    await orgs.send(new DeletePolicyCommand({ PolicyId: Policy?.PolicySummary?.Id }));
  });

  it('attaches FullAWSAccess everywhere when SCPs are enabled, and to OUs created afterwards', async () => {
    const { Root } = await orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: SCP }));
    expect(Root?.PolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
    await expect(orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: SCP }))).rejects.toMatchObject({
      name: 'PolicyTypeAlreadyEnabledException',
    });
    expect(await policiesOn(rootId)).toEqual(['FullAWSAccess']);
    expect(await policiesOn(ouId)).toEqual(['FullAWSAccess']);
    expect(await policiesOn(MGMT)).toEqual(['FullAWSAccess']);
    const later = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'later' }));
    expect(await policiesOn(later.OrganizationalUnit?.Id as string)).toEqual(['FullAWSAccess']);
    const { Policy } = await orgs.send(new DescribePolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
    expect(Policy?.PolicySummary).toEqual({
      Id: 'p-FullAWSAccess',
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
      Name: 'FullAWSAccess',
      Description: 'Allows access to every operation',
      Type: SCP,
      AwsManaged: true,
    });
    expect(JSON.parse(Policy?.Content as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('enables RCPs with RCPFullAWSAccess, which cannot be detached', async () => {
    await orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: RCP }));
    expect(await policiesOn(ouId, RCP)).toEqual(['RCPFullAWSAccess']);
    await expect(
      orgs.send(new DetachPolicyCommand({ PolicyId: 'p-RCPFullAWSAccess', TargetId: ouId })),
    ).rejects.toMatchObject({ name: 'InvalidInputException', Reason: 'NON_DETACHABLE_POLICY' });
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({ Name: 'no-s3', Description: 'deny s3', Type: RCP, Content: DENY_RCP }),
    );
    expect(Policy?.PolicySummary?.Arn).toBe(
      `arn:aws:organizations::${MGMT}:policy/${orgId}/resource_control_policy/${Policy?.PolicySummary?.Id}`,
    );
    await orgs.send(new AttachPolicyCommand({ PolicyId: Policy?.PolicySummary?.Id, TargetId: ouId }));
    expect(await policiesOn(ouId, RCP)).toEqual(['RCPFullAWSAccess', 'no-s3']);
  });

  it('detaches every policy of a type when the type is disabled', async () => {
    await orgs.send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: RCP }));
    expect(await policiesOn(ouId, RCP)).toEqual([]);
    await expect(orgs.send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: RCP }))).rejects.toMatchObject({
      name: 'PolicyTypeNotEnabledException',
    });
    await expect(orgs.send(new EnablePolicyTypeCommand({ RootId: 'r-zzzz', PolicyType: RCP }))).rejects.toMatchObject({
      name: 'RootNotFoundException',
    });
  });
});

describe('customer policies', () => {
  it('creates, lists, updates and describes an SCP', async () => {
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({ Name: 'deny-s3', Description: 'no S3', Type: SCP, Content: DENY_S3 }),
    );
    const id = Policy?.PolicySummary?.Id as string;
    expect(id).toMatch(/^p-[a-z0-9]{8}$/);
    expect(Policy?.PolicySummary).toMatchObject({
      Arn: `arn:aws:organizations::${MGMT}:policy/${orgId}/service_control_policy/${id}`,
      AwsManaged: false,
      Type: SCP,
    });
    const { Policies } = await orgs.send(new ListPoliciesCommand({ Filter: SCP }));
    expect(Policies?.map((p) => p.Name)).toEqual(['FullAWSAccess', 'deny-s3']);
    await orgs.send(new UpdatePolicyCommand({ PolicyId: id, Name: 'deny-storage' }));
    const described = await orgs.send(new DescribePolicyCommand({ PolicyId: id }));
    expect(described.Policy).toMatchObject({ PolicySummary: { Name: 'deny-storage' }, Content: DENY_S3 });
    await expect(
      orgs.send(new CreatePolicyCommand({ Name: 'deny-storage', Description: '', Type: SCP, Content: DENY_S3 })),
    ).rejects.toMatchObject({ name: 'DuplicatePolicyException' });
  });

  it('validates documents with the policy engine', async () => {
    const create = (content: string, type: PolicyType = SCP) =>
      orgs.send(
        new CreatePolicyCommand({ Name: `bad-${content.length}`, Description: '', Type: type, Content: content }),
      );
    const malformed = {
      name: 'MalformedPolicyDocumentException',
      message: 'The provided policy document does not meet the requirements of the specified policy type.',
    };
    await expect(create('{"Statement": [}')).rejects.toMatchObject(malformed);
    await expect(
      create(JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })),
    ).rejects.toMatchObject(malformed);
    await expect(
      create(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
        }),
      ),
    ).rejects.toMatchObject(malformed);
    await expect(
      create(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
        }),
        RCP,
      ),
    ).rejects.toMatchObject(malformed);
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: Array.from({ length: 400 }, (_, i) => `s3:Action${i}`), Resource: '*' }],
    });
    await expect(create(big)).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED',
    });
  });

  it('refuses changing or deleting AWS managed policies', async () => {
    await expect(orgs.send(new UpdatePolicyCommand({ PolicyId: 'p-FullAWSAccess', Name: 'x' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'IMMUTABLE_POLICY',
    });
    await expect(orgs.send(new DeletePolicyCommand({ PolicyId: 'p-FullAWSAccess' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'IMMUTABLE_POLICY',
    });
    await expect(orgs.send(new DescribePolicyCommand({ PolicyId: 'p-12345678' }))).rejects.toMatchObject({
      name: 'PolicyNotFoundException',
    });
  });
});

describe('attachments', () => {
  it('attaches once, lists targets, and refuses deleting an attached policy', async () => {
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({ Name: 'attach-me', Description: '', Type: SCP, Content: DENY_S3 }),
    );
    const id = Policy?.PolicySummary?.Id as string;
    await orgs.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ouId }));
    await expect(orgs.send(new AttachPolicyCommand({ PolicyId: id, TargetId: ouId }))).rejects.toMatchObject({
      name: 'DuplicatePolicyAttachmentException',
    });
    const { Targets } = await orgs.send(new ListTargetsForPolicyCommand({ PolicyId: id }));
    expect(Targets).toEqual([
      {
        TargetId: ouId,
        Arn: `arn:aws:organizations::${MGMT}:ou/${orgId}/${ouId}`,
        Name: 'workloads',
        Type: 'ORGANIZATIONAL_UNIT',
      },
    ]);
    await expect(orgs.send(new DeletePolicyCommand({ PolicyId: id }))).rejects.toMatchObject({
      name: 'PolicyInUseException',
    });
    await orgs.send(new DetachPolicyCommand({ PolicyId: id, TargetId: ouId }));
    await expect(orgs.send(new DetachPolicyCommand({ PolicyId: id, TargetId: ouId }))).rejects.toMatchObject({
      name: 'PolicyNotAttachedException',
    });
    await orgs.send(new DeletePolicyCommand({ PolicyId: id }));
    await expect(
      orgs.send(new AttachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: 'ou-zzzz-zzzzzzzz' })),
    ).rejects.toMatchObject({ name: 'TargetNotFoundException' });
  });

  it('keeps at least one SCP on every target and at most five', async () => {
    await expect(
      orgs.send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ouId })),
    ).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      message:
        'You cannot remove the last policy attached to the specified target. You must have at least one attached at all times.',
    });
    for (let i = 0; i < 4; i++) {
      const { Policy } = await orgs.send(
        new CreatePolicyCommand({ Name: `limit-${i}`, Description: '', Type: SCP, Content: DENY_S3 }),
      );
      await orgs.send(new AttachPolicyCommand({ PolicyId: Policy?.PolicySummary?.Id, TargetId: ouId }));
    }
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({ Name: 'limit-5', Description: '', Type: SCP, Content: DENY_S3 }),
    );
    await expect(
      orgs.send(new AttachPolicyCommand({ PolicyId: Policy?.PolicySummary?.Id, TargetId: ouId })),
    ).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
  });
});
