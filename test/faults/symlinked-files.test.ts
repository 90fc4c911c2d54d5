import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

// src/alias.js is a symlink to src/real.js. The analysis sees two modules: real.js has every
// export used, alias.js only `a`; removing b and c "from alias.js" wrote through the link and
// took them from real.js, which index.js imports them from.
const FILES = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/real.js': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n',
  'src/index.js': "import { a, b, c } from './real.js';\nimport { a as again } from './alias.js';\nconsole.log(a, b, c, again);\n",
  'src/unused-link-target.js': 'export const kept = 1;\n',
};

describe('cleanup and symlinks inside the root', () => {
  test('nothing is removed from a symlinked file or the file it leads to; an unused symlink itself is deleted, not its target', async () => {
    const root = createGitRepo(FILES);
    try {
      symlinkSync('real.js', path.join(root, 'src/alias.js'));
      symlinkSync('unused-link-target.js', path.join(root, 'src/dead-link.js'));
      commitAll(root, 'initial');
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.stdout).toContain('src/alias.js#b (unused-export): the file is a symlink to src/real.js: removing from it would remove from that file');
      expect(readFileSync(path.join(root, 'src/real.js'), 'utf8')).toBe(FILES['src/real.js']);
      expect(lstatSync(path.join(root, 'src/alias.js')).isSymbolicLink()).toBe(true);
      expect(lstatSync(path.join(root, 'src/dead-link.js'), { throwIfNoEntry: false })).toBeUndefined();
      expect(existsSync(path.join(root, 'src/unused-link-target.js'))).toBe(true);
      expect(fixed.exitCode).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
