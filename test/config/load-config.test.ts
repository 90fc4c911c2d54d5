import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { configJsonSchema } from '../../src/config/config-json-schema.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

function validateWithConfig(name: string, config: string, extra: Record<string, string> = {}) {
  const files = { 'package.json': '{ "name": "p", "main": "src/index.ts" }', 'src/index.ts': 'export const x = 1;\nfunction dead() {}\n', [name]: config, ...extra };
  return withTempProject(files, (root) => runCli(['validate', '--root', root, '--reporter', 'json']));
}

describe.concurrent('orch.config: one schema for the type, validation and the JSON Schema', () => {
  test('the published JSON Schema is generated from the schema (run `npm run schemas` after changing it)', () => {
    const published = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/orch-config.schema.json'), 'utf8'));
    expect(published).toEqual(configJsonSchema());
  });

  test('a TypeScript config with defineConfig loads on Node 20 without a build step', async () => {
    const result = await validateWithConfig('orch.config.ts', "import { defineConfig } from 'orch-guard';\nconst off: 'off' = 'off';\nexport default defineConfig({ rules: { 'dead-code': off } });\n");
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  test('wrong types name the file and the field, exit 2', async () => {
    const result = await validateWithConfig('orch.config.ts', "export default { rules: { 'dead-code': 'loud' } };\n");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('orch-guard: orch.config.ts: rules.dead-code: expected one of "error", "warn", "off", got "loud"\n');
  });

  test('an unknown option is named', async () => {
    const result = await validateWithConfig('orch.config.mjs', 'export default { entrys: [] };\n');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^orch-guard: orch\.config\.mjs: entrys: unknown option \(known: .*entries.*\)\n$/);
  });

  test('an unknown rule id is named', async () => {
    const result = await validateWithConfig('orch.config.json', '{ "rules": { "no-such-rule": "off" } }');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^orch-guard: orch\.config\.json: rules\.no-such-rule: unknown rule \(known: unused-file, /);
  });

  test('a config that throws on import', async () => {
    const result = await validateWithConfig('orch.config.ts', "throw new Error('boom');\nexport default {};\n");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('orch-guard: orch.config.ts: failed to load: boom\n');
  });

  test('a config that exports nothing', async () => {
    const result = await validateWithConfig('orch.config.ts', 'const config = {};\n');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('orch-guard: orch.config.ts: exports no config (write `export default defineConfig({ ... })`)\n');
  });

  test('a glob list with a wrong element names its index', async () => {
    const result = await validateWithConfig('orch.config.json', '{ "entries": ["src/a.ts", 3] }');
    expect(result.stderr).toBe('orch-guard: orch.config.json: entries[1]: expected a string, got a number\n');
  });

  test('a config may import relative JavaScript helpers', async () => {
    const result = await validateWithConfig('orch.config.mjs', "import { entries } from './config/entries.mjs';\nexport default { entries };\n", {
      'config/entries.mjs': "export const entries = ['src/index.ts'];\n",
    });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((finding: { symbol: string }) => finding.symbol)).toEqual(['dead']);
  });
});
