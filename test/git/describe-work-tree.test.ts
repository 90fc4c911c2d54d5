import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeWorkTree, listTree } from '../../src/git/git.js';
import { commitAll, createGitRepo, git } from '../support/git-repo.js';

const files = { 'app/src/a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n' };

describe('describeWorkTree: top, prefix and HEAD in one git call', () => {
  test('a folder inside a work tree with commits: its prefix, and HEAD as rev-parse gives it', () => {
    const root = createGitRepo(files);
    try {
      commitAll(root, 'initial');
      const dir = path.join(root, 'app');
      const found = describeWorkTree(dir, '--staged');
      expect(found).toEqual({ top: realpathSync(root), prefix: 'app/', head: git(root, 'rev-parse', 'HEAD').trim() });
      // The prefix handed over lists what asking git for it lists.
      expect(listTree(dir, found.head as string, '--staged', found.prefix)).toEqual(listTree(dir, found.head as string, '--staged'));
      expect([...listTree(dir, found.head as string, '--staged', found.prefix).keys()]).toEqual(['src/a.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the top of the work tree: an empty prefix', () => {
    const root = createGitRepo(files);
    try {
      commitAll(root, 'initial');
      expect(describeWorkTree(root, '--staged').prefix).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('before the first commit: no HEAD, the prefix left for listTree to ask', () => {
    const root = createGitRepo(files);
    try {
      expect(describeWorkTree(path.join(root, 'app'), '--staged')).toEqual({ top: realpathSync(root), head: undefined });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('outside git: the same error as requireWorkTree', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'og-no-git-'));
    try {
      expect(() => describeWorkTree(dir, '--staged')).toThrow(`--staged: ${dir} is not inside a git work tree`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
