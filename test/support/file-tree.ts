import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from './run-cli.js';

/** Every file under `dir` (skipping .git and .orch-guard) with its content, by relative path. */
export function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      if (name === '.git' || name === '.orch-guard') continue;
      const child = relative === '' ? name : `${relative}/${name}`;
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else tree[child] = readFileSync(path.join(dir, child), 'utf8');
    }
  };
  visit('');
  return tree;
}

/** A temp copy of `fixtures/<fixture>/project`. */
export function copyProject(fixture: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'orch-guard-cleanup-'));
  cpSync(path.join(FIXTURES, fixture, 'project'), target, { recursive: true, filter: (source) => path.basename(source) !== '.orch-guard' });
  return target;
}

/** Sets every file's mtime under `dir`: a fresh checkout has new mtimes and the same contents. */
export function touchAll(dir: string, when: Date): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), when, when);
  }
}
