import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { installDiskReadJournal, recordDiskReads } from '../../src/files/disk-read-journal.js';
import { diskReadsHold, diskReadsHoldSoon } from '../../src/files/disk-reads-hold.js';
import { enumerateFiles } from '../../src/files/enumerate-files.js';
import { commitAll, createGitRepo } from '../support/git-repo.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-journal-'));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"a"}');
  writeFileSync(path.join(dir, 'src/a.ts'), 'export const a = 1;\n');
  return dir;
}

/** What a project load might read: a manifest, a listing, a probe, a stat. */
async function load(root: string): Promise<string> {
  const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
  const names = readdirSync(path.join(root, 'src'));
  const hasConfig = existsSync(path.join(root, 'vite.config.ts'));
  const size = statSync(path.join(root, 'src/a.ts')).size;
  return `${manifest} ${names.join(',')} ${hasConfig} ${size}`;
}

describe('the disk read journal', () => {
  test('records nothing until the program installs it (a library leaves node:fs alone)', async () => {
    const recorded = await recordDiskReads(async () => readFileSync(path.join(tree(), 'package.json'), 'utf8'));
    expect(recorded).toEqual({ value: '{"name":"a"}', reads: undefined, unrepeatable: 'the disk read journal is not installed' });
    installDiskReadJournal();
  });

  test('holds while the disk reads the same, and not after any read would differ', async () => {
    const root = tree();
    const { value, reads } = await recordDiskReads(() => load(root));
    expect(value).toBe('{"name":"a"} a.ts false 20');
    expect(reads!.map((read) => read[0])).toEqual(['read', 'list', 'exists', 'stat']);
    expect(diskReadsHold(reads!)).toBe(true);

    writeFileSync(path.join(root, 'src/b.ts'), '');
    expect(diskReadsHold(reads!)).toBe(false);
    rmSync(path.join(root, 'src/b.ts'));
    expect(diskReadsHold(reads!)).toBe(true);

    writeFileSync(path.join(root, 'vite.config.ts'), '');
    expect(diskReadsHold(reads!)).toBe(false);
    rmSync(path.join(root, 'vite.config.ts'));

    writeFileSync(path.join(root, 'package.json'), '{"name":"b"}');
    expect(diskReadsHold(reads!)).toBe(false);
  });

  test('a file touched but not changed holds by its content', async () => {
    const root = tree();
    const { reads } = await recordDiskReads(async () => readFileSync(path.join(root, 'package.json'), 'utf8'));
    utimesSync(path.join(root, 'package.json'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    expect(diskReadsHold(reads!)).toBe(true);
  });

  test('a file changed just before it was read is checked by content (a same-size edit in the same tick keeps the mtime)', async () => {
    const root = tree();
    const manifest = path.join(root, 'package.json');
    // A whole second, so that setting it again gives the very same stat.
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(manifest, tick, tick);
    const { reads } = await recordDiskReads(async () => readFileSync(manifest, 'utf8'));
    writeFileSync(manifest, '{"name":"b"}');
    utimesSync(manifest, tick, tick);
    expect(statSync(manifest).mtimeMs).toBe(tick.getTime());
    expect(diskReadsHold(reads!)).toBe(false);
  });

  test('a read it cannot repeat (an async read) leaves no journal', async () => {
    const root = tree();
    const recorded = await recordDiskReads(() => readFile(path.join(root, 'package.json'), 'utf8'));
    expect(recorded.value).toBe('{"name":"a"}');
    expect(recorded.reads).toBeUndefined();
    expect(recorded.unrepeatable).toBe('fs.promises.readFile');
  });

  test('the git file list, checked in the background: holds until a new file shows in it', async () => {
    const root = createGitRepo({ 'package.json': '{"name":"a"}', 'src/a.ts': 'export const a = 1;\n' });
    dir = root;
    commitAll(root, 'initial');
    const { value, reads } = await recordDiskReads(async () => enumerateFiles({ root, outputDirs: [], accept: (file) => file.endsWith('.ts') }));
    expect(value).toContain('src/a.ts');
    expect(reads!.some((read) => read[0] === 'git' && read[2][0] === 'ls-files')).toBe(true);
    const unchanged = diskReadsHoldSoon(reads!);
    expect(unchanged.now).toBe(true);
    expect(await unchanged.commands).toBe(true);

    writeFileSync(path.join(root, 'src/b.ts'), 'export const b = 2;\n');
    const changed = diskReadsHoldSoon(reads!);
    expect(await changed.commands).toBe(false);
    expect(diskReadsHold(reads!)).toBe(false);
  });

  test('a damaged record proves nothing', () => {
    expect(diskReadsHold([['stat', 42 as unknown as string, 'd']])).toBe(false);
  });
});
