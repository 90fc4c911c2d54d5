import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TaskConfig } from '../../config/pipeline-schema.js';
import { UsageError } from '../../errors.js';
import { compileGlobs } from '../../files/glob.js';
import { realPathOutside } from '../../files/path-inside.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { ensureStateDir } from '../../files/state-dir.js';
import type { FileChange, FileSnapshot } from '../changes/snapshot-files.js';

interface CacheManifest {
  task: string;
  /** The stored copy is shared by outputs with the same bytes; the mode is each output's own (absent in older entries). */
  outputs: Array<{ path: string; hash: string; mode?: number }>;
}

/**
 * The task's cache key: its command, working directory, environment and the content of every
 * file its `inputs` globs match (as Nx and Turborepo key a task). Undefined when the task
 * declares no inputs: then nothing says when its work would be the same.
 */
export function taskCacheKey(task: TaskConfig, snapshot: FileSnapshot): string | undefined {
  if (task.inputs === undefined || task.outputs === undefined) return undefined;
  const matches = compileGlobs(task.inputs);
  const inputs = [...snapshot].filter(([file]) => matches(file)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const env = Object.entries(task.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ run: task.run, cwd: task.cwd ?? '.', env, inputs, outputs: task.outputs })).digest('hex');
}

const entryDir = (root: string, key: string) => path.join(ensureStateDir(root), 'task-cache', key.slice(0, 2), key);

/**
 * Puts back the outputs a passed attempt with the same key left, and returns what that
 * changed (the task's work, for blame); undefined when the cache has no entry for the key.
 */
export function restoreOutputs(root: string, key: string, snapshot: FileSnapshot): FileChange[] | undefined {
  const dir = entryDir(root, key);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = readManifest(manifestFile);
  // An entry missing one of its files, or holding other bytes than it names (a cache folder
  // cleaned or edited by hand, a copy cut short by a crash), is no entry: the task runs.
  if (manifest === undefined || !manifest.outputs.every((output) => storedIntact(path.join(dir, 'files', output.hash), output.hash))) return undefined;
  const changes: FileChange[] = [];
  for (const output of manifest.outputs) {
    const target = path.join(root, output.path);
    const before = snapshot.get(output.path) ?? null;
    const cached = path.join(dir, 'files', output.hash);
    // The mode the output had when it was saved: a built bin stays executable, a file with the
    // same bytes as it stays as it was. Older entries kept it on the stored copy only.
    const mode = output.mode ?? statSync(cached).mode & 0o7777;
    if (before === output.hash) {
      const current = statSync(target, { throwIfNoEntry: false });
      if (current !== undefined && (current.mode & 0o7777) !== mode) chmodSync(target, mode);
      continue;
    }
    // Confined to the root and atomic like every write to the user's tree: a symlink leading
    // out is not written through, and a kill never leaves an output half copied.
    const outside = realPathOutside(root, output.path);
    if (outside !== undefined) throw new UsageError(`task cache: refuses to restore ${output.path}: it leads outside the root (${outside})`);
    writeFileAtomic(target, readFileSync(cached), { mode });
    changes.push({ path: output.path, before, after: output.hash });
  }
  return changes;
}

/** Keeps the files the task's `outputs` globs match now, under the key its attempt ran with. */
export function saveOutputs(root: string, key: string, task: TaskConfig, snapshot: FileSnapshot): void {
  const matches = compileGlobs(task.outputs ?? []);
  const dir = entryDir(root, key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  try {
    const outputs: CacheManifest['outputs'] = [];
    for (const [file, hash] of [...snapshot].filter(([candidate]) => matches(candidate))) {
      const bytes = readFileSync(path.join(root, file));
      // Changed since the snapshot (something still writing it): not what the attempt left, not kept.
      if (sha1(bytes) !== hash) return;
      outputs.push({ path: file, hash, mode: statSync(path.join(root, file)).mode & 0o7777 });
      // A fresh folder: no earlier write left anything in it.
      writeFileAtomic(path.join(dir, 'files', hash), bytes, { tidy: false });
    }
    // The manifest last: an entry without one (orch-guard stopped while saving) is not used.
    writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify({ task: task.id, outputs } satisfies CacheManifest));
  } catch (error) {
    // A full disk: what was copied goes, it is no entry and only takes room.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The entry's manifest; undefined when it is missing or not one (cut short, edited by hand). */
function readManifest(file: string): CacheManifest | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const outputs = (manifest as Partial<CacheManifest> | null)?.outputs;
  const valid = Array.isArray(outputs) && outputs.every((output) => typeof output?.path === 'string' && !path.isAbsolute(output.path) && !output.path.split('/').includes('..') && typeof output.hash === 'string' && /^[0-9a-f]{40}$/.test(output.hash)
    && (output.mode === undefined || (Number.isInteger(output.mode) && output.mode >= 0 && output.mode <= 0o7777)));
  return valid ? manifest as CacheManifest : undefined;
}

function storedIntact(file: string, hash: string): boolean {
  try {
    return sha1(readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');
