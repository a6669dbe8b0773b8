#!/usr/bin/env node
// The xacct command line: dispatches to one module per command.

type Command = (argv: readonly string[]) => number | Promise<number>;

// Commands load on demand: `xacct serve` must be ready fast, so it loads only what serving needs.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  serve: async () => (await import('./commands/serve.js')).runServe,
  simulate: async () => (await import('./commands/simulate.js')).runSimulate,
  trail: async () => (await import('./commands/trail.js')).runTrail,
  explain: async () => (await import('./commands/explain.js')).runExplain,
  apply: async () => (await import('./commands/apply.js')).runApply,
  oidc: async () => (await import('./commands/oidc.js')).runOidc,
};

const USAGE = `Usage: xacct <command> [options]

Commands:
  serve      run the server (IAM, STS, Organizations, S3, KMS on one endpoint)
  simulate   evaluate requests against policies without a server
  trail      list the requests a server answered, with their decisions
  explain    why a request was allowed or denied (xacct explain EVENT_ID | --last-denied)
  apply      create the accounts, organization, IAM and buckets a world file describes
  oidc       mint a token from the server's OIDC issuer (for AssumeRoleWithWebIdentity)

Run xacct <command> --help for a command's options.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const load = COMMANDS[command];
  if (load === undefined) {
    process.stderr.write(`xacct: unknown command '${command}'\n${USAGE}`);
    return 3;
  }
  try {
    const run = await load();
    return await run(rest);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`xacct ${command}: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
