import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  outputs: Array<{ path: string; hash: string }>;
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
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CacheManifest;
  // An entry missing one of its files is no entry (a cache folder cleaned by hand).
  if (!manifest.outputs.every((output) => existsSync(path.join(dir, 'files', output.hash)))) return undefined;
  const changes: FileChange[] = [];
  for (const output of manifest.outputs) {
    const target = path.join(root, output.path);
    const before = snapshot.get(output.path) ?? null;
    if (before === output.hash) continue;
    // Confined to the root and atomic like every write to the user's tree: a symlink leading
    // out is not written through, and a kill never leaves an output half copied.
    const outside = realPathOutside(root, output.path);
    if (outside !== undefined) throw new UsageError(`task cache: refuses to restore ${output.path}: it leads outside the root (${outside})`);
    const cached = path.join(dir, 'files', output.hash);
    // The mode the output had when it was saved (copyFileSync kept it): a built bin stays executable.
    writeFileAtomic(target, readFileSync(cached), { mode: statSync(cached).mode & 0o7777 });
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
  const outputs = [...snapshot].filter(([file]) => matches(file)).map(([file, hash]) => ({ path: file, hash }));
  for (const output of outputs) copyFileSync(path.join(root, output.path), path.join(dir, 'files', output.hash));
  // The manifest last: an entry without one (orch-guard stopped while saving) is not used.
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ task: task.id, outputs } satisfies CacheManifest));
}
