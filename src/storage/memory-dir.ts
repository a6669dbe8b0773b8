// Scratch directories for `--memory` blob stores, and the reaping of those a killed process left behind.
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'xacct-memory-';
const OWNED = /^xacct-memory-(\d+)-/;

/**
 * A fresh directory under the OS temp directory, named after this process. A process killed with -9 cannot remove
 * its own, so each new one removes those whose process is gone (bodies can be gigabytes), in the background:
 * startup must not wait for it.
 */
export function createMemoryDir(parent: string = tmpdir()): string {
  reapAbandoned(parent);
  return mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
}

function reapAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = OWNED.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) {
      rm(join(parent, name), { recursive: true, force: true }).catch(() => {
        // Another process may be reaping the same directory; whoever finishes first wins.
      });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
