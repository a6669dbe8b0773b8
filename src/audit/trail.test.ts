import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authorize, compilePolicy, principalFromArn, RequestContext } from '../policy/index.js';
import { openStorage, type Storage } from '../storage/index.js';
import { Trail } from './trail.js';
import type { RecordedDecision, TrailEvent } from './trail-event.js';

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Put', Effect: 'Allow', Action: ['s3:PutObject', 'sqs:SendMessage'], Resource: 'arn:aws:s3:::b/*' },
    { Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    { Sid: 'Queues', Effect: 'Deny', Action: 'sqs:*', Resource: '*' },
  ],
};
const policies = { identity: [compilePolicy(POLICY, 'identity', 'arn:aws:iam::111111111111:policy/p').policy!] };

function decisionFor(key: string): RecordedDecision {
  const resource = `arn:aws:s3:::b/${key}`;
  const decision = authorize(
    {
      principal: principalFromArn('arn:aws:iam::111111111111:user/alice')!,
      action: 's3:GetObject',
      resource,
      resourceAccount: '111111111111',
      context: RequestContext.from({ 'aws:SourceIp': '203.0.113.9' }),
    },
    policies,
    { trace: true },
  );
  // As the server's event recorder copies it.
  return {
    action: 's3:GetObject',
    resource,
    decision: decision.decision,
    deniedBy: decision.deniedBy,
    message: decision.message,
    matched: decision.matched,
    trace: decision.trace,
  };
}

function eventFor(eventId: string, decision: RecordedDecision): TrailEvent {
  return {
    eventId,
    time: '2026-11-30T00:00:00Z',
    principal: 'arn:aws:iam::111111111111:user/alice',
    account: '111111111111',
    service: 's3',
    operation: 'GetObject',
    action: decision.action,
    resource: decision.resource,
    sourceIp: '203.0.113.9',
    decision: decision.decision,
    deniedBy: undefined,
    decidingPolicy: undefined,
    errorCode: undefined,
    status: 200,
    requestId: `req-${eventId}`,
    userAgent: 'test',
    decisions: [decision],
  };
}

const asStored = (value: unknown) => JSON.parse(JSON.stringify(value));
const fragmentCount = (storage: Storage) =>
  (storage.db.prepare('SELECT count(*) AS n FROM trail_fragments').get() as { n: number }).n;

describe('Trail', () => {
  let dir: string | undefined;

  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('stores statement traces that were not evaluated once, and reads every event back whole', () => {
    const storage = openStorage({ memory: true });
    const trail = new Trail(storage.db);
    const first = decisionFor('one');
    const second = decisionFor('two');
    trail.record(eventFor('e1', first));
    trail.record(eventFor('e2', second));
    trail.flush();
    // The two statements whose Action is not s3:GetObject, once, though both events consulted them.
    expect(fragmentCount(storage)).toBe(2);
    const raw = storage.db.prepare("SELECT detail FROM trail_events WHERE event_id = 'e1'").get() as { detail: string };
    expect(raw.detail).toContain('"$fragment"');
    expect(raw.detail).not.toContain('sqs:SendMessage');
    expect(trail.get('e1')?.decisions).toEqual(asStored([first]));
    expect(trail.list({ limit: 10 }).map((e) => e.decisions)).toEqual([asStored([second]), asStored([first])]);
    storage.close();
  });

  it('finds the fragments a previous process stored instead of storing them again', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-trail-'));
    const before = openStorage({ dataDir: dir });
    const earlier = decisionFor('one');
    const firstTrail = new Trail(before.db);
    firstTrail.record(eventFor('e1', earlier));
    firstTrail.close();
    before.close();

    const after = openStorage({ dataDir: dir });
    const trail = new Trail(after.db);
    const later = decisionFor('two');
    trail.record(eventFor('e2', later));
    trail.flush();
    expect(fragmentCount(after)).toBe(2);
    expect(trail.get('e1')?.decisions).toEqual(asStored([earlier]));
    expect(trail.get('e2')?.decisions).toEqual(asStored([later]));
    after.close();
  });
});
