import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/index.js';
import { CredentialRefused } from '../credential-refused.js';
import { type NewSession, SessionStore } from './session-store.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

function roleSession(overrides: Partial<NewSession> = {}): NewSession {
  return {
    kind: 'role-session',
    principal: {
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111111111111:assumed-role/Deploy/ci',
      account: '111111111111',
      roleArn: 'arn:aws:iam::111111111111:role/team/Deploy',
      roleId: 'AROAEXAMPLEEXAMPLE01',
    },
    account: '111111111111',
    userId: 'AROAEXAMPLEEXAMPLE01:ci',
    userName: undefined,
    policies: [
      {
        id: 'inline',
        kind: 'session',
        document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
      },
    ],
    tags: { Team: 'blue' },
    transitiveTagKeys: ['Team'],
    sourceIdentity: 'alice',
    mfaAuthenticatedAt: T0,
    chainedFromRole: false,
    federatedProvider: undefined,
    issuedAt: T0,
    expiresAt: T0 + 3600_000,
    ...overrides,
  };
}

describe('SessionStore', () => {
  const opened: Storage[] = [];
  let dir: string | undefined;
  afterEach(() => {
    for (const storage of opened.splice(0)) storage.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function store(now: { value: number }, storage?: Storage): SessionStore {
    const s = storage ?? openStorage({ memory: true });
    if (storage === undefined) opened.push(s);
    return new SessionStore(s.db, { now: () => now.value });
  }

  it('issues ASIA keys with 40-character secrets and long random tokens, and resolves them to the caller', () => {
    const now = { value: T0 };
    const sessions = store(now);
    const issued = sessions.issue(roleSession());
    expect(issued.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(issued.SecretAccessKey).toHaveLength(40);
    expect(issued.SessionToken.length).toBeGreaterThan(400);
    expect(issued.Expiration.toISOString()).toBe('2026-03-01T11:00:00.000Z');
    const resolved = sessions.credentialSource(issued.AccessKeyId, issued.SessionToken);
    expect(resolved?.secretAccessKey).toBe(issued.SecretAccessKey);
    expect(resolved?.sessionToken).toBe(issued.SessionToken);
    expect(resolved?.caller).toMatchObject({
      kind: 'role-session',
      userId: 'AROAEXAMPLEEXAMPLE01:ci',
      principal: { type: 'AssumedRole', roleArn: 'arn:aws:iam::111111111111:role/team/Deploy' },
      session: {
        tags: { Team: 'blue' },
        transitiveTagKeys: ['Team'],
        sourceIdentity: 'alice',
        mfaAuthenticated: true,
        mfaAuthenticatedAt: T0,
        issuedAt: T0,
      },
    });
    expect(resolved?.caller.session?.policies.map((p) => p.id)).toEqual(['inline']);
  });

  it('hands the authenticator a token it cannot match when the request carries another or none', () => {
    const sessions = store({ value: T0 });
    const issued = sessions.issue(roleSession());
    const altered = `${issued.SessionToken.slice(0, -2)}AA`;
    expect(sessions.credentialSource(issued.AccessKeyId, altered)?.sessionToken).not.toBe(altered);
    expect(sessions.credentialSource(issued.AccessKeyId, undefined)?.sessionToken).toBeDefined();
  });

  it('refuses an expired session as expired, but only to the holder of its token', () => {
    const now = { value: T0 };
    const sessions = store(now);
    const issued = sessions.issue(roleSession());
    now.value = T0 + 3600_000;
    expect(() => sessions.credentialSource(issued.AccessKeyId, issued.SessionToken)).toThrow(CredentialRefused);
    expect(sessions.credentialSource(issued.AccessKeyId, 'forged')?.sessionToken).not.toBe('forged');
  });

  it('does not know AKIA keys or unknown ASIA keys', () => {
    const sessions = store({ value: T0 });
    expect(sessions.credentialSource('AKIAEXAMPLEEXAMPLE01', 'x')).toBeUndefined();
    expect(sessions.credentialSource('ASIAEXAMPLEEXAMPLE01', 'x')).toBeUndefined();
    expect(sessions.accountOf('ASIAEXAMPLEEXAMPLE01')).toBeUndefined();
  });

  it('keeps sessions across a restart with --data', () => {
    dir = mkdtempSync(join(tmpdir(), 'xacct-sts-test-'));
    const now = { value: T0 };
    const first = openStorage({ dataDir: dir });
    const issued = store(now, first).issue(roleSession({ policies: [] }));
    first.close();
    const second = openStorage({ dataDir: dir });
    opened.push(second);
    const resolved = store(now, second).credentialSource(issued.AccessKeyId, issued.SessionToken);
    expect(resolved?.caller.principal.arn).toBe('arn:aws:sts::111111111111:assumed-role/Deploy/ci');
    expect(store(now, second).accountOf(issued.AccessKeyId)).toBe('111111111111');
  });

  it('removes sessions a day past their expiry when issuing new ones', () => {
    const now = { value: T0 };
    const sessions = store(now);
    const old = sessions.issue(roleSession());
    const later = T0 + 3600_000 + 24 * 3600_000 + 1;
    const fresh = store(now, opened[0]).issue(roleSession({ issuedAt: later, expiresAt: later + 3600_000 }));
    const reopened = store(now, opened[0]);
    expect(reopened.accountOf(old.AccessKeyId)).toBeUndefined();
    expect(reopened.accountOf(fresh.AccessKeyId)).toBe('111111111111');
  });
});
