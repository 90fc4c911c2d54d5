import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createGitRepo } from '../support/git-repo.js';
import { writeTempProject } from '../support/temp-project.js';
import { removeTemp, runCli } from '../support/run-cli.js';

describe('orch-guard init', () => {
  test('--yes: knip settings carried over, frameworks and package manager named, .gitignore, hook and CI written; the config loads', async () => {
    const root = createGitRepo({
      'package.json': '{ "name": "app", "type": "module", "dependencies": { "next": "15.0.0" }, "devDependencies": { "vitest": "4.1.12" } }\n',
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'knip.jsonc': '{\n  // knip config\n  "entry": ["src/main.ts!", "scripts/*.ts"],\n  "project": ["src/**/*.ts"],\n  "ignore": "src/generated/**"\n}\n',
      'src/main.ts': 'export const x = 1;\n',
      '.gitignore': 'dist\n',
    });
    try {
      const result = await runCli(['init', '--yes', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe([
        'orch.config.ts: written',
        '.gitignore: .orch-guard/ added',
        '.git/hooks/pre-commit: pre-commit hook installed (git)',
        '.github/workflows/orch-guard.yml: written',
        'Next: `orch-guard validate`',
        '',
      ].join('\n'));
      const config = readFileSync(path.join(root, 'orch.config.ts'), 'utf8');
      expect(config).toContain("// Written by `orch-guard init`. Found: package manager pnpm; Next.js, Vitest (their entries come from knip's plugins); knip config knip.jsonc (entry, project and ignore carried over).\n");
      expect(config).toContain("  entries: ['src/main.ts', 'scripts/*.ts'],\n  project: ['src/**/*.ts'],\n  ignore: ['src/generated/**'],\n");
      expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('dist\n.orch-guard/\n');
      expect(readFileSync(path.join(root, '.git/hooks/pre-commit'), 'utf8')).toContain('validate --staged');
      expect(readFileSync(path.join(root, '.github/workflows/orch-guard.yml'), 'utf8')).toContain('      - run: pnpm install --frozen-lockfile\n      - run: pnpm exec orch-guard validate --reporter github\n');
      expect((await runCli(['validate', '--root', root])).exitCode).toBe(0);
      const again = await runCli(['init', '--root', root]);
      expect(again.exitCode).toBe(2);
      expect(again.stderr).toBe('orch-guard: init: orch.config.ts exists already (--force replaces it with orch.config.ts and keeps it as orch.config.ts.bak)\n');
    } finally {
      removeTemp(root);
    }
  }, 60_000);

  test('no terminal and no --yes: no questions, no hook, no CI; what it cannot infer is a commented suggestion', async () => {
    const root = writeTempProject({ 'package.json': '{ "name": "lib", "main": "src/index.js" }\n', 'package-lock.json': '{}\n', 'src/index.js': 'export const y = 2;\n' });
    try {
      const result = await runCli(['init', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('orch.config.ts: written\n.gitignore: .orch-guard/ added\nNext: `orch-guard validate`\n');
      const config = readFileSync(path.join(root, 'orch.config.ts'), 'utf8');
      expect(config).toContain('// Written by `orch-guard init`. Found: package manager npm.\n');
      expect(config).toContain("  // entries: ['src/server.ts', 'scripts/*.ts'],");
      expect(existsSync(path.join(root, '.github'))).toBe(false);
      expect((await runCli(['validate', '--root', root])).exitCode).toBe(0);
    } finally {
      removeTemp(root);
    }
  }, 60_000);

  test('--hook outside git: the config is written, the hook is not, a notice says why', async () => {
    const root = writeTempProject({ 'package.json': '{ "name": "lib" }\n' });
    try {
      const result = await runCli(['init', '--hook', '--no-ci', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('orch-guard: init: not a git repository, so no pre-commit hook was installed (run `orch-guard hook install` after `git init`)\n');
      expect(readFileSync(path.join(root, 'orch.config.ts'), 'utf8')).toContain('export default defineConfig({');
      expect(existsSync(path.join(root, '.github'))).toBe(false);
    } finally {
      removeTemp(root);
    }
  }, 60_000);
});
