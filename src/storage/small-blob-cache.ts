// Whole bodies of small blobs kept in memory, least recently used first out. Blobs never change once written (a new
// body gets a new id), so a cached body can only go stale by deletion, which evicts it.

export class SmallBlobCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(id: string): Buffer | undefined {
    const body = this.entries.get(id);
    if (body !== undefined) {
      // Re-inserting moves the entry to the end of the Map's order: the most recently used.
      this.entries.delete(id);
      this.entries.set(id, body);
    }
    return body;
  }

  set(id: string, body: Buffer): void {
    if (body.length > this.maxBytes) return;
    this.delete(id);
    this.entries.set(id, body);
    this.bytes += body.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.length;
    }
  }

  delete(id: string): void {
    const body = this.entries.get(id);
    if (body === undefined) return;
    this.entries.delete(id);
    this.bytes -= body.length;
  }
}
