import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryDir } from './memory-dir.js';

describe('createMemoryDir', () => {
  let parent: string;

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'xacct-memory-dir-test-'));
  });

  afterEach(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('creates a fresh directory named after this process', () => {
    const dir = createMemoryDir(parent);
    expect(dirname(dir)).toBe(parent);
    expect(basename(dir)).toMatch(new RegExp(`^xacct-memory-${process.pid}-`));
    expect(createMemoryDir(parent)).not.toBe(dir);
  });

  it('removes directories left by processes that are gone, and only those', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    expect(exited).toBeGreaterThan(0);
    const abandoned = join(parent, `xacct-memory-${exited}-abc123`);
    mkdirSync(join(abandoned, 'tmp'), { recursive: true });
    writeFileSync(join(abandoned, 'tmp', 'body'), 'left by kill -9');
    const live = join(parent, `xacct-memory-${process.pid}-def456`);
    mkdirSync(live);
    const unrelated = join(parent, 'someone-else');
    mkdirSync(unrelated);

    createMemoryDir(parent);

    await vi.waitFor(() => expect(existsSync(abandoned)).toBe(false));
    expect(existsSync(live)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });
});
