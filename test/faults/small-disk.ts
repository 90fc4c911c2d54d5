import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small tmpfs to fill up; undefined where mounting is not allowed (not root, no CAP_SYS_ADMIN). */
export function mountSmallDisk(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-disk-'));
  // System tools of util-linux: no npm dependency provides them.
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]).status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return undefined;
}

export function unmountSmallDisk(disk: string | undefined): void {
  if (disk === undefined) return;
  spawnSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
}

/** Fills the disk so that only about `freeKb` remain (a file of zeros, removed by the caller). */
export function fillDisk(dir: string, filler: string, freeKb: number): void {
  const stats = statfsSync(dir);
  const size = stats.bavail * stats.bsize - freeKb * 1024;
  if (size > 0) writeFileSync(filler, Buffer.alloc(size));
}
