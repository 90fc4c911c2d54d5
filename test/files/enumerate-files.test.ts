import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { enumerateFiles } from '../../src/files/enumerate-files.js';
import { createGitRepo } from '../support/git-repo.js';
import { writeTempProject } from '../support/temp-project.js';

const files = {
  '.gitignore': 'generated/\n*.log\n',
  'src/a.ts': '',
  'src/b.tsx': '',
  'src/readme.md': '',
  'generated/out.ts': '',
  'node_modules/pkg/index.js': '',
  'dist/bundle.js': '',
  'build/app.js': '',
  'debug.log': '',
};
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const accept = (file: string) => /\.[cm]?[jt]sx?$/.test(file);

describe('file enumeration', () => {
  test('outside git: the .gitignore decides (output folders are the project\'s to ignore), node_modules is always skipped', () => {
    const root = writeTempProject(files);
    roots.push(root);
    expect(enumerateFiles({ root, outputDirs: [], accept })).toEqual(['build/app.js', 'dist/bundle.js', 'src/a.ts', 'src/b.tsx']);
  });

  test('outside git without a .gitignore: the usual output folders and configured ones are skipped', () => {
    const { '.gitignore': _ignored, ...rest } = files;
    const root = writeTempProject({ ...rest, 'out-dir/x.ts': '' });
    roots.push(root);
    expect(enumerateFiles({ root, outputDirs: [path.join(root, 'out-dir')], accept })).toEqual(['generated/out.ts', 'src/a.ts', 'src/b.tsx']);
  });

  test('in a git work tree git decides what is ignored (untracked files included), and output dirs still go', () => {
    const root = createGitRepo({ ...files, 'scratch.ts': '' });
    roots.push(root);
    expect(enumerateFiles({ root, outputDirs: [path.join(root, 'build')], accept })).toEqual(['dist/bundle.js', 'scratch.ts', 'src/a.ts', 'src/b.tsx']);
  });
});
