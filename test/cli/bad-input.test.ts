import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

const withProject = <T>(files: Record<string, string | Buffer>, work: (root: string) => Promise<T>) =>
  withTempProject({ 'package.json': '{ "name": "p", "main": "src/index.ts" }', ...files }, work);

const json = async (args: string[]) => {
  const result = await runCli([...args, '--reporter', 'json']);
  return { ...result, output: result.stdout === '' ? undefined : JSON.parse(result.stdout) };
};

describe.concurrent('bad input: one line on stderr, a documented exit code, never a stack trace', () => {
  test('a --root that does not exist exits 2', async () => {
    const result = await runCli(['validate', '--root', '/no/such/dir']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('orch-guard: --root /no/such/dir: no such directory\n');
  });

  test('an unknown flag exits 2 with one line', async () => {
    const result = await runCli(['validate', '--frobnicate']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  test('an unknown reporter exits 2', async () => {
    await withProject({ 'src/index.ts': 'export {};' }, async (root) => {
      const result = await runCli(['validate', '--root', root, '--reporter', 'xml']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^orch-guard: --reporter xml: unknown reporter \(known: text, json(, [a-z]+)*\)\n$/);
    });
  });

  test('a malformed tsconfig exits 2 naming the file', async () => {
    await withProject({ 'tsconfig.json': '{ "compilerOptions": { ', 'src/index.ts': 'export {};' }, async (root) => {
      const result = await runCli(['validate', '--root', root]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^orch-guard: .*tsconfig\.json: malformed JSON \(.*\)\n$/);
      expect(result.stderr).not.toContain('    at ');
    });
  });

  test('tsconfig "extends" to a missing file exits 2', async () => {
    await withProject({ 'tsconfig.json': '{ "extends": "./base.json" }', 'src/index.ts': 'export {};' }, async (root) => {
      const result = await runCli(['validate', '--root', root]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/tsconfig\.json: "extends" target "\.\/base\.json" not found\n$/);
    });
  });

  test('tsconfig comments and trailing commas are fine, and "extends" of a missing package only warns', async () => {
    await withProject({
      'tsconfig.json': '{\n // comment\n "extends": "@tsconfig/missing/tsconfig.json",\n "compilerOptions": { "strict": true, },\n}',
      'src/index.ts': 'export const x = 1;',
    }, async (root) => {
      const result = await json(['validate', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain('"extends" package "@tsconfig/missing/tsconfig.json" is not installed');
    });
  });

  test('a binary file and a too-large file are skipped with a notice; their imports still count', async () => {
    const big = `import { used } from './lib';\nexport const data = [${'1,'.repeat(700_000)}];\nused();\n`;
    await withProject({
      'orch.config.json': '{ "maxFileSizeKb": 1024 }',
      'src/index.ts': "import './generated';\nexport {};",
      'src/generated.ts': big,
      'src/lib.ts': 'export function used() {}',
      'src/blob.js': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    }, async (root) => {
      const result = await json(['validate', '--root', root]);
      expect(result.stderr).toContain('src/blob.js: binary file, skipped');
      expect(result.stderr).toMatch(/src\/generated\.ts: \d+ KB is over the size limit/);
      expect(result.output.findings).toEqual([]);
      expect(result.exitCode).toBe(0);
    });
  });

  test('a file that is not UTF-8 is read as Latin-1 with a notice', async () => {
    await withProject({
      'src/index.ts': Buffer.concat([Buffer.from("export const name = '"), Buffer.from([0xe9, 0xe8]), Buffer.from("';\nfunction unused() {}\n")]),
    }, async (root) => {
      const result = await json(['validate', '--root', root]);
      expect(result.stderr).toContain('src/index.ts: not valid UTF-8, read as Latin-1');
      expect(result.output.findings.map((finding: { symbol: string }) => finding.symbol)).toEqual(['unused']);
    });
  });

  test('a symlink loop does not hang the file walk', async () => {
    await withProject({ 'src/index.ts': 'export const x = 1;' }, async (root) => {
      symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'loop'));
      const result = await json(['validate', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.output.summary.files).toBe(1);
    });
  });

  test('syntax errors do not stop the run', async () => {
    await withProject({ 'src/index.ts': 'export const x = ;\nexport function (' }, async (root) => {
      const result = await json(['validate', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.output.findings.map((finding: { rule: string }) => finding.rule)).toEqual(['parse-error']);
    });
  });

  test('a config that is not an object exits 2 with one line; --debug adds the stack', async () => {
    await withProject({ 'orch.config.mjs': 'export default 42;', 'src/index.ts': 'export {};' }, async (root) => {
      const plain = await runCli(['validate', '--root', root]);
      expect(plain.exitCode).toBe(2);
      expect(plain.stderr).toBe('orch-guard: orch.config.mjs: the default export must be an object, got number\n');
      const debug = await runCli(['validate', '--root', root, '--debug']);
      expect(debug.exitCode).toBe(2);
      expect(debug.stderr).toMatch(/^orch-guard: orch\.config\.mjs: the default export must be an object, got number\nConfigError: .*\n\s+at /);
    });
  });
});
