// What `xacct apply` prints: every resource with its outcome, grouped by account, the access keys created (their
// secrets exist nowhere else), the profiles written, and a one-line summary.
import type { ApplyLog, CreatedKey, ResourceChange } from '../world/apply-log.js';
import type { World } from '../world/world-types.js';
import { accountLabel, type Profile } from '../world/write-profiles.js';
import { style } from './style.js';

export interface ApplyReportJson {
  readonly dryRun: boolean;
  readonly summary: Record<ResourceChange['outcome'], number>;
  readonly changes: readonly ResourceChange[];
  readonly accessKeys: readonly CreatedKey[];
  readonly profiles: readonly string[];
}

export function reportJson(log: ApplyLog, profiles: readonly Profile[]): ApplyReportJson {
  return {
    dryRun: log.dryRun,
    summary: log.counts(),
    changes: log.changes,
    accessKeys: log.keys,
    profiles: profiles.map((p) => p.name),
  };
}

export function renderReport(log: ApplyLog, world: World, profiles: readonly Profile[], files?: string): string {
  const lines: string[] = [];
  const accounts = [...new Set(log.changes.map((c) => c.account))];
  for (const account of accounts) {
    const alias = world.accounts.find((a) => a.id === account)?.alias;
    lines.push(style.bold(`account ${account}${alias ? ` (${alias})` : ''}`));
    for (const c of log.changes.filter((x) => x.account === account)) lines.push(`  ${changeLine(c, log.dryRun)}`);
  }
  if (log.keys.length > 0) {
    lines.push('', style.bold('Access keys created (the secret is shown only now):'));
    const user = (k: CreatedKey) => `${accountLabel(world, k.account)} ${k.user}`;
    const width = Math.max(...log.keys.map((k) => user(k).length));
    for (const k of log.keys) lines.push(`  ${user(k).padEnd(width)}  ${k.accessKeyId}  ${k.secretAccessKey}`);
  }
  if (profiles.length > 0) {
    lines.push(
      '',
      `${style.bold('Profiles written')}${files ? ` to ${files}` : ''}: ${profiles.map((p) => p.name).join(', ')}`,
    );
  }
  lines.push('', summaryLine(log));
  return `${lines.join('\n')}\n`;
}

function changeLine(c: ResourceChange, dryRun: boolean): string {
  const label = { created: 'created', updated: 'updated', unchanged: 'unchanged' }[c.outcome];
  const verb = dryRun && c.outcome !== 'unchanged' ? `would be ${label}` : label;
  const colour = c.outcome === 'created' ? style.green : c.outcome === 'updated' ? style.yellow : style.dim;
  const details = c.details.length > 0 ? style.dim(`: ${c.details.join(', ')}`) : '';
  return `${colour(verb.padEnd(dryRun ? 16 : 9))}  ${c.kind} ${c.name}${details}`;
}

function summaryLine(log: ApplyLog): string {
  const { created, updated, unchanged } = log.counts();
  if (created + updated === 0) return `No changes: all ${unchanged} resources already match the world.`;
  const counts = `${created} created, ${updated} updated, ${unchanged} unchanged`;
  return log.dryRun
    ? `Dry run, nothing was changed: ${counts.replace(/(created|updated)/g, 'to be $1')}.`
    : `${counts}.`;
}
