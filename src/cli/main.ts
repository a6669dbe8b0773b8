#!/usr/bin/env node
// The xacct command line: dispatches to one module per command.

import { runServe } from './commands/serve.js';
import { runSimulate } from './commands/simulate.js';

const COMMANDS: Readonly<Record<string, (argv: readonly string[]) => number | Promise<number>>> = {
  serve: runServe,
  simulate: runSimulate,
};

const USAGE = `Usage: xacct <command> [options]

Commands:
  serve      run the server (IAM, STS, Organizations, S3, KMS on one endpoint)
  simulate   evaluate requests against policies without a server

Run xacct <command> --help for a command's options.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    process.stderr.write(`xacct: unknown command '${command}'\n${USAGE}`);
    return 3;
  }
  try {
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
