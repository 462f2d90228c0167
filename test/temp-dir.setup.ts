/**
 * Gives each test run its own temporary directory and removes it at the end, so runs leave
 * nothing in /tmp. It works through TMPDIR, which os.tmpdir() follows in the test workers and
 * in the qingxi processes the tests start: they all inherit this process's environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-test-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
