// `--write-profiles`: named profiles in the shared AWS credentials and config files, so that the AWS CLI and SDKs
// reach xacct as a world's users and roots with `--profile`. Our sections are updated in place; every other byte
// of the files stays as it was.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ApplyLog } from './apply-log.js';
import type { World } from './world-types.js';

export interface Profile {
  readonly name: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly endpoint: string;
}

export interface ProfileFiles {
  readonly credentials: string;
  readonly config: string;
}

/** Where the AWS CLI and SDKs look, honouring their environment variables. */
export function profileFiles(env: NodeJS.ProcessEnv = process.env): ProfileFiles {
  const aws = join(homedir(), '.aws');
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(aws, 'credentials'),
    config: env.AWS_CONFIG_FILE || join(aws, 'config'),
  };
}

export function accountLabel(world: World, account: string): string {
  return world.accounts.find((a) => a.id === account)?.alias ?? account;
}

/** A profile per account root, and per user with a key created in this run (its first new key). */
export function profilesFor(world: World, log: ApplyLog, endpoint: string, rootSecret: string): Profile[] {
  const base = { region: world.region, endpoint };
  const roots = world.accounts.map((a) => ({
    ...base,
    name: `${accountLabel(world, a.id)}-root`,
    accessKeyId: a.id,
    secretAccessKey: rootSecret,
  }));
  const users = new Map<string, Profile>();
  for (const k of log.keys) {
    const name = `${accountLabel(world, k.account)}-${k.user}`;
    if (!users.has(name))
      users.set(name, { ...base, name, accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey });
  }
  return [...roots, ...users.values()];
}

export function writeProfiles(profiles: readonly Profile[], files: ProfileFiles): void {
  let credentials = readIfExists(files.credentials);
  let config = readIfExists(files.config);
  for (const p of profiles) {
    // A session token left in the section would be sent with these long-term keys and refused.
    credentials = updateSection(
      credentials,
      p.name,
      { aws_access_key_id: p.accessKeyId, aws_secret_access_key: p.secretAccessKey },
      ['aws_session_token'],
    );
    config = updateSection(config, `profile ${p.name}`, { region: p.region, endpoint_url: p.endpoint });
  }
  save(files.credentials, credentials);
  save(files.config, config);
}

/**
 * Sets `values` in the INI section named `section` (adding it at the end when missing) and removes `remove`
 * keys from it. Lines are kept with their own line endings; only the lines of these keys change.
 */
export function updateSection(
  text: string,
  section: string,
  values: Readonly<Record<string, string>>,
  remove: readonly string[] = [],
): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const start = lines.findIndex((l) => headerName(l) === section);
  if (start === -1) {
    if (lines.length > 0) lines[lines.length - 1] = withEol(lines[lines.length - 1]!, eol);
    const blank = lines.length > 0 && lines[lines.length - 1]!.trim() !== '' ? [eol] : [];
    const body = Object.entries(values).map(([k, v]) => `${k} = ${v}${eol}`);
    return [...lines, ...blank, `[${section}]${eol}`, ...body].join('');
  }
  let end = lines.findIndex((l, i) => i > start && headerName(l) !== undefined);
  if (end === -1) end = lines.length;
  const head = lines.slice(0, start + 1);
  const own = lines.slice(start + 1, end).filter((l) => !remove.includes(keyOf(l) ?? ''));
  const missing: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const at = own.findIndex((l) => keyOf(l) === key);
    const line = `${key} = ${value}${at === -1 ? eol : lineEnding(own[at]!)}`;
    if (at === -1) missing.push(line);
    else own[at] = line;
  }
  // New keys go after the section's last non-blank line, so the blank line before the next section stays.
  let last = own.length;
  while (last > 0 && own[last - 1]!.trim() === '') last--;
  if (missing.length > 0) {
    if (last > 0) own[last - 1] = withEol(own[last - 1]!, eol);
    else head[start] = withEol(head[start]!, eol);
  }
  own.splice(last, 0, ...missing);
  return [...head, ...own, ...lines.slice(end)].join('');
}

/** The section a header line opens (`[ profile  x ]` names `profile x`), or undefined for other lines. */
function headerName(line: string): string | undefined {
  const m = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line.replace(/\r?\n$/, ''));
  return m ? m[1]!.trim().replace(/\s+/g, ' ') : undefined;
}

/** The key a top-level `key = value` line sets; indented lines belong to a nested block (`s3 =`). */
function keyOf(line: string): string | undefined {
  return /^([^\s=#;[][^=]*?)\s*=/.exec(line)?.[1];
}

/** A last line without a line break gets one before anything is written after it. */
function withEol(line: string, eol: string): string {
  return line.endsWith('\n') ? line : `${line}${eol}`;
}

function lineEnding(line: string): string {
  return line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : '';
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function save(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // The mode applies only when the file is created: an existing file keeps the permissions its owner chose.
  writeFileSync(path, text, { mode: 0o600 });
}
