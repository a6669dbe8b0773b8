// When, where and with which service each access key was last used (GetAccessKeyLastUsed, credential reports).
// Uses are kept in memory as they happen and written at most once a minute per key (or when the service or region
// changes), so a busy key does not cost a database write per request.
import type { AccessKeyRepo, AccessKeyUse } from './repos/access-keys.js';

const PERSIST_INTERVAL_MS = 60_000;

export class AccessKeyUsage {
  private readonly latest = new Map<string, AccessKeyUse>();
  private readonly persisted = new Map<string, AccessKeyUse>();

  constructor(private readonly keys: AccessKeyRepo) {}

  record(accessKeyId: string, use: AccessKeyUse): void {
    this.latest.set(accessKeyId, use);
    const last = this.persisted.get(accessKeyId);
    const changed = last === undefined || last.service !== use.service || last.region !== use.region;
    if (changed || use.at - last.at >= PERSIST_INTERVAL_MS) {
      this.keys.recordUse(accessKeyId, use);
      this.persisted.set(accessKeyId, use);
    }
  }

  lastUse(accessKeyId: string): AccessKeyUse | undefined {
    return this.latest.get(accessKeyId) ?? this.keys.lastUse(accessKeyId);
  }

  /** Forgets a deleted key. */
  forget(accessKeyId: string): void {
    this.latest.delete(accessKeyId);
    this.persisted.delete(accessKeyId);
  }
}
