#!/usr/bin/env node
// The xacct command line: dispatches to one module per command.

const USAGE = `Usage: xacct <command> [options]

Commands:
  simulate   evaluate requests against policies without a server
`;

function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`xacct: unknown command '${command}'\n${USAGE}`);
  return 3;
}

process.exitCode = main(process.argv.slice(2));
