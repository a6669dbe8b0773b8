// Fuzz: random and mutated documents must come back as diagnostics, never as exceptions, and whatever
// parses must also compile and evaluate without throwing.
import { describe, expect, it } from 'vitest';
import { RequestContext } from '../context.js';
import { authorize } from '../evaluate/authorize.js';
import { CompiledPolicy } from '../evaluate/compiled-policy.js';
import { principalFromArn } from '../principal.js';
import type { PolicyKind } from '../types.js';
import { KIND_RULES } from './kind-rules.js';
import { parsePolicy } from './parse-policy.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Version',
  'Statement',
  'Effect',
  'Allow',
  'Deny',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
  'Sid',
  'AWS',
  'Service',
  'Federated',
  'CanonicalUser',
  '*',
  's3:*',
  's3:GetObject',
  'arn:aws:s3:::b/*',
  '2012-10-17',
  '2008-10-17',
  'StringEquals',
  'ForAllValues:StringLike',
  'IpAddress',
  'aws:SourceIp',
  '${aws:username}',
  '10.0.0.0/8',
  'Null',
  'true',
  '123456789012',
  'arn:aws:iam::123456789012:root',
];

function randomValue(rand: () => number, depth: number): unknown {
  const pick = rand();
  if (depth > 4 || pick < 0.3) return WORDS[Math.floor(rand() * WORDS.length)];
  if (pick < 0.4) return Math.floor(rand() * 2000) - 1000;
  if (pick < 0.45) return rand() < 0.5;
  if (pick < 0.5) return null;
  if (pick < 0.75) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 5); i > 0; i--)
    obj[WORDS[Math.floor(rand() * WORDS.length)]!] = randomValue(rand, depth + 1);
  return obj;
}

const VALID = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Principal: { AWS: '123456789012' },
      Action: ['s3:GetObject'],
      Resource: 'arn:aws:s3:::b/*',
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, 'ForAnyValue:StringLike': { 'aws:TagKeys': ['a*'] } },
    },
  ],
});

function mutate(text: string, rand: () => number): string {
  const chars = text.split('');
  for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
    const at = Math.floor(rand() * chars.length);
    const op = rand();
    if (op < 0.33) chars.splice(at, 1);
    else if (op < 0.66) chars.splice(at, 0, '{}[]":,\\*$ a1'[Math.floor(rand() * 14)]!);
    else chars[at] = String.fromCharCode(Math.floor(rand() * 0x3000));
  }
  return chars.join('');
}

const KINDS = Object.keys(KIND_RULES) as PolicyKind[];
const principal = principalFromArn('arn:aws:iam::123456789012:user/fuzz')!;

function exercise(input: unknown, kind: PolicyKind): void {
  const { document, diagnostics } = parsePolicy(input, kind);
  expect(Array.isArray(diagnostics)).toBe(true);
  if (document === undefined) {
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return;
  }
  const policy = new CompiledPolicy(kind, 'fuzz', document);
  const decision = authorize(
    {
      principal,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      resourceAccount: '123456789012',
      context: RequestContext.empty(),
    },
    kind === 'identity' ? { identity: [policy] } : {},
    { trace: true },
  );
  expect(['Allowed', 'ExplicitDeny', 'ImplicitDeny']).toContain(decision.decision);
}

describe('parser fuzz', () => {
  it('never throws on random JSON values', () => {
    const rand = prng(20261122);
    for (let i = 0; i < 3000; i++) exercise(randomValue(rand, 0), KINDS[i % KINDS.length]!);
  });

  it('never throws on mutated policy text', () => {
    const rand = prng(7);
    for (let i = 0; i < 3000; i++) exercise(mutate(VALID, rand), KINDS[i % KINDS.length]!);
  });

  it('never throws on values JSON cannot represent', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [undefined, cyclic, 10n, () => 1, Symbol('s')])
      expect(() => parsePolicy(input, 'identity')).not.toThrow();
  });
});
