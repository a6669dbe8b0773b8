// What every reconciler works with: the clients, the log, the dry-run switch, and the two idioms they share
// (a not-found error means "create it"; a listing is read page by page to the end).
import type { ApplyLog } from './apply-log.js';
import type { WorldClients } from './world-clients.js';

export interface ReconcileContext {
  readonly clients: WorldClients;
  readonly log: ApplyLog;
  /** The world's region (IAM and Organizations are global; buckets carry their own). */
  readonly region: string;
  /**
   * False in a dry run for an account the server does not know yet: a request as its root would create it, so
   * nothing is read and everything of it would be created.
   */
  readable(account: string): boolean;
}

/** Runs a change unless this is a dry run. */
export async function mutate(ctx: ReconcileContext, change: () => Promise<unknown>): Promise<void> {
  if (!ctx.log.dryRun) await change();
}

/** The result, or undefined when the service answers with one of the not-found error codes. */
export async function unlessNotFound<T>(request: Promise<T>, ...codes: readonly string[]): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof Error && codes.includes(error.name)) return undefined;
    throw error;
  }
}

/** Every item of a paginated listing. */
export async function collect<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}
