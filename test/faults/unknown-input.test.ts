import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { runFaultCli, snapshotTree } from './fault-cli.js';

describe.concurrent('unknown input never becomes "dead"', () => {
  test('a package.json that does not parse: exit 2 with the file and position, and cleanup changes nothing', async () => {
    const files = {
      'package.json': '{\n  "name": "app",\n  "main": "src/server.js"\n  "type": "module"\n}\n',
      'src/server.js': "import { route } from './routes.js';\nroute();\n",
      'src/routes.js': 'export function route() {\n  return 1;\n}\n',
    };
    await withGitRepo(files, async (root) => {
      const before = snapshotTree(root);
      const validate = await runFaultCli(['validate', '--root', root]);
      expect(validate.stderr).toBe('orch-guard: package.json: malformed JSON at line 4, column 3: expected `,` or `}` after a property value, found "\\""; its entry points cannot be known, so nothing was analysed\n');
      expect(validate.exitCode).toBe(2);
      const cleanup = await runFaultCli(['cleanup', '--fix', '--unverified', '--force', '--root', root]);
      expect(cleanup.exitCode).toBe(2);
      expect(snapshotTree(root)).toEqual(before);
    });
  });

  test('a workspace package.json that does not parse is an error too, naming it', async () => {
    const files = {
      'package.json': '{ "name": "mono", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/api/package.json': '{ "name": "api", "main": "index.js", }\n',
      'packages/api/index.js': 'export const api = 1;\n',
    };
    await withGitRepo(files, async (root) => {
      const validate = await runFaultCli(['validate', '--root', root]);
      expect(validate.stderr).toBe('orch-guard: packages/api/package.json: malformed JSON at line 1, column 38: expected a string in double quotes, found "}"; its entry points cannot be known, so nothing was analysed\n');
      expect(validate.exitCode).toBe(2);
    });
  });

  test('cleanup never crashes on an edit: removing the first declaration of a file works (it was a ts-morph error)', async () => {
    const files = {
      'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
      'src/index.js': "import { shout } from './greet.js';\nconsole.log(shout('a'));\n",
      'src/greet.js': 'export function greet(word) {\n  return word;\n}\n\nexport function shout(word) {\n  return word.toUpperCase();\n}\n',
    };
    await withGitRepo(files, async (root) => {
      const result = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(snapshotTree(root)['src/greet.js']).toBe(`644 ${Buffer.from('export function shout(word) {\n  return word.toUpperCase();\n}\n').toString('base64')}`);
    });
  });
});
