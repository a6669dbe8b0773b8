// `xacct apply FILE.yaml`: makes a running server hold the accounts, organization, IAM identities, policies and
// buckets a world file describes, through the AWS APIs as each account's root. Idempotent; never deletes.
import { parseArgs } from 'node:util';
import type { ApplyLog } from '../../world/apply-log.js';
import { ApplyFailure, applyWorld } from '../../world/apply-world.js';
import { loadWorld, WorldFileError } from '../../world/load-world.js';
import type { World } from '../../world/world-types.js';
import { type Profile, profileFiles, profilesFor, writeProfiles } from '../../world/write-profiles.js';
import { AdminClient, AdminError, EndpointError, resolveServer, serverOptions, serverUsage } from '../admin-client.js';
import { renderReport, reportJson } from '../apply-report.js';
import { type CliIo, processIo } from '../cli-io.js';

export const applyUsage = `Usage: xacct apply FILE.yaml [--root-secret S] [--write-profiles] [--dry-run] [--json]

Creates what the world file describes and is missing, updates what differs, and deletes nothing.
Applying the same file twice changes nothing. See docs/worlds.md for the format.
  --root-secret S    the server's root secret (default $XACCT_ROOT_SECRET or test)
  --write-profiles   write a profile per account root and per user with a new access key into
                     ~/.aws/credentials and ~/.aws/config (or $AWS_SHARED_CREDENTIALS_FILE, $AWS_CONFIG_FILE)
  --dry-run          only read, and report what would change
  --json             the report as JSON
${serverUsage}Exit codes: 0 applied, 1 the server failed or refused a change, 3 invalid world file or arguments.
`;

export interface WorldRun {
  readonly endpoint: string;
  readonly rootSecret: string;
  readonly knownAccounts: ReadonlySet<string>;
  readonly dryRun: boolean;
  readonly writeProfiles: boolean;
  readonly json: boolean;
}

export async function runApply(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...serverOptions,
      'root-secret': { type: 'string' },
      'write-profiles': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(applyUsage);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`xacct apply: give one world file\n${applyUsage}`);
    return 3;
  }
  const world = readWorldOrReport('apply', positionals[0]!, io);
  if (world === undefined) return 3;
  try {
    const server = resolveServer(values);
    const accounts = await new AdminClient(server).accounts();
    return await applyAndReport(world, io, {
      endpoint: server.endpoint,
      rootSecret: values['root-secret'] ?? process.env.XACCT_ROOT_SECRET ?? 'test',
      knownAccounts: new Set(accounts.map((a) => a.id)),
      dryRun: values['dry-run'] === true,
      writeProfiles: values['write-profiles'] === true,
      json: values.json === true,
    });
  } catch (error) {
    if (error instanceof EndpointError || error instanceof AdminError) {
      io.err(`xacct apply: ${error.message}\n`);
      return error instanceof EndpointError ? 3 : 1;
    }
    throw error;
  }
}

/** The world in `file`, or undefined after printing its problems (the caller exits 3). */
export function readWorldOrReport(command: string, file: string, io: CliIo): World | undefined {
  try {
    return loadWorld(file);
  } catch (error) {
    if (!(error instanceof WorldFileError)) throw error;
    io.err(`xacct ${command}: ${file} is not a valid world:\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
    return undefined;
  }
}

/** Applies and prints the report; shared with `xacct serve --world`. Keys created before a failure are still printed. */
export async function applyAndReport(world: World, io: CliIo, run: WorldRun): Promise<number> {
  // xacct supports Node 20; the SDK's notice about the Node versions its future releases need is not for our users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let log: ApplyLog;
  try {
    log = await applyWorld(world, run);
  } catch (error) {
    if (!(error instanceof ApplyFailure)) throw error;
    printReport(io, run, world, error.log, []);
    io.err(`xacct apply: ${error.message}\n`);
    return 1;
  }
  if (!run.writeProfiles || run.dryRun) {
    printReport(io, run, world, log, []);
    return 0;
  }
  const files = profileFiles();
  const profiles = profilesFor(world, log, run.endpoint, run.rootSecret);
  try {
    writeProfiles(profiles, files);
  } catch (error) {
    printReport(io, run, world, log, []);
    io.err(`xacct apply: cannot write the profiles: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  printReport(io, run, world, log, profiles, `${files.credentials} and ${files.config}`);
  return 0;
}

function printReport(io: CliIo, run: WorldRun, world: World, log: ApplyLog, profiles: Profile[], where?: string) {
  io.out(
    run.json ? `${JSON.stringify(reportJson(log, profiles), null, 2)}\n` : renderReport(log, world, profiles, where),
  );
}
