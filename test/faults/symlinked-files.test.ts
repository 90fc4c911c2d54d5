import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

// src/alias.js is a symlink to src/real.js. The analysis once saw two modules: real.js with every
// export used, alias.js only `a`; removing b and c "from alias.js" wrote through the link and
// took them from real.js, which index.js imports them from. Now a link is its target's module
// (src/project/symlinked-files.ts), and cleanup still refuses edits through a link
// (src/cleanup/symlinked-files.ts).
const FILES = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/real.js': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n',
  'src/index.js': "import { a, b, c } from './real.js';\nimport { a as again } from './alias.js';\nconsole.log(a, b, c, again);\n",
  'src/unused-link-target.js': 'export const kept = 1;\n',
};

describe('cleanup and symlinks inside the root', () => {
  test('a symlinked file is its target: nothing is removed from either; an unused link and the file it leads to are kept', async () => {
    const root = createGitRepo(FILES);
    try {
      symlinkSync('real.js', path.join(root, 'src/alias.js'));
      symlinkSync('unused-link-target.js', path.join(root, 'src/dead-link.js'));
      commitAll(root, 'initial');
      const validated = await runFaultCli(['validate', '--root', root]);
      expect(validated.stdout).not.toContain('alias.js');
      expect(validated.stdout).not.toContain('real.js');
      // Nothing refers to the unused link or its target, but a link is not deleted (an undo
      // would bring back a copy), nor the file it leads to.
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.stdout).toContain('src/unused-link-target.js (unused-file): src/dead-link.js is a symlink to this file: deleting or editing it would break the link');
      expect(readFileSync(path.join(root, 'src/real.js'), 'utf8')).toBe(FILES['src/real.js']);
      expect(lstatSync(path.join(root, 'src/alias.js')).isSymbolicLink()).toBe(true);
      expect(lstatSync(path.join(root, 'src/dead-link.js')).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(root, 'src/unused-link-target.js'), 'utf8')).toBe(FILES['src/unused-link-target.js']);
      expect(fixed.exitCode).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
