// The policy simulator in an organization member account: the account's SCPs take part in the decision and are
// reported on their own in OrganizationsDecisionDetail.
import { IAMClient, SimulateCustomPolicyCommand } from '@aws-sdk/client-iam';
import {
  AcceptHandshakeCommand,
  AttachPolicyCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  InviteAccountToOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const orgs = new OrganizationsClient(server.client(MANAGEMENT));
  await orgs.send(new CreateOrganizationCommand({}));
  const rootId = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id as string;
  await orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  const { Handshake } = await orgs.send(
    new InviteAccountToOrganizationCommand({ Target: { Id: MEMBER, Type: 'ACCOUNT' } }),
  );
  await new OrganizationsClient(server.client(MEMBER)).send(new AcceptHandshakeCommand({ HandshakeId: Handshake?.Id }));
  const { Policy } = await orgs.send(
    new CreatePolicyCommand({
      Name: 'no-bucket-deletion',
      Description: '',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }],
      }),
    }),
  );
  await orgs.send(new AttachPolicyCommand({ PolicyId: Policy?.PolicySummary?.Id, TargetId: MEMBER }));
});
afterAll(async () => server.close());

describe('SimulateCustomPolicy in a member account', () => {
  it("denies what the account's SCPs deny and says the organization did", async () => {
    const out = await new IAMClient(server.client(MEMBER)).send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'],
        ActionNames: ['s3:DeleteBucket', 's3:ListBucket'],
      }),
    );
    expect(out.EvaluationResults).toMatchObject([
      {
        EvalActionName: 's3:DeleteBucket',
        EvalDecision: 'explicitDeny',
        OrganizationsDecisionDetail: { AllowedByOrganizations: false },
      },
      {
        EvalActionName: 's3:ListBucket',
        EvalDecision: 'allowed',
        OrganizationsDecisionDetail: { AllowedByOrganizations: true },
      },
    ]);
  });

  it('leaves the management account out of SCPs', async () => {
    const out = await new IAMClient(server.client(MANAGEMENT)).send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'],
        ActionNames: ['s3:DeleteBucket'],
      }),
    );
    expect(out.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(out.EvaluationResults?.[0]?.OrganizationsDecisionDetail).toBeUndefined();
  });
});
