// Runs Debian's AWS CLI v2 against a test server, isolated from the user's own AWS configuration. The server runs
// in the test's process, so the CLI always runs asynchronously; each start costs seconds, hence long timeouts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const AWS_CLI_V2 = '/usr/bin/aws';
export const awsCliV2Installed = existsSync(AWS_CLI_V2);

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliCall {
  readonly endpoint: string;
  /** A scratch HOME for the CLI; its config and credential files point inside it and do not exist. */
  readonly home: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
}

/** The CLI's exit code and output, whatever they are (root of 111111111111 by default). */
export async function runAwsCli(call: CliCall, args: readonly string[]): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: call.home,
    AWS_ACCESS_KEY_ID: call.accessKeyId ?? '111111111111',
    AWS_SECRET_ACCESS_KEY: call.secretAccessKey ?? 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(call.home, 'none-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(call.home, 'none-credentials'),
    AWS_PAGER: '',
  };
  try {
    const out = await run(AWS_CLI_V2, [...args, '--endpoint-url', call.endpoint, '--output', 'json'], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout: out.stdout, stderr: out.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The CLI's stdout; a failed run throws with its stderr. */
export async function awsCliOk(call: CliCall, args: readonly string[]): Promise<string> {
  const result = await runAwsCli(call, args);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}
