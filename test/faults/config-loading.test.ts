import { rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { writeTempProject } from '../support/temp-project.js';
import { runFaultCli } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "main": "src/index.ts" }\n',
  'src/index.ts': "import { a } from './a';\nconsole.log(a);\n",
  'src/a.ts': 'export const a = 1;\nexport const unused = 2;\n',
};

async function validateWith(files: Record<string, string>): Promise<{ exitCode: number; stderr: string; stdout: string; ms: number }> {
  const root = writeTempProject({ ...PROJECT, ...files });
  try {
    const started = Date.now();
    // A hang is ended after 60 s by the harness (and then fails the expectations).
    const result = await runFaultCli(['validate', '--root', root], { env: { ORCH_GUARD_CONFIG_TIMEOUT_MS: '3000' }, timeoutMs: 60_000 });
    return { ...result, ms: Date.now() - started };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe.concurrent('configs cannot hang or half-load', () => {
  test('a config with a syntax error is an error (exit 2), never recovered and applied', async () => {
    const result = await validateWith({ 'orch.config.ts': "export default { rules: { 'unused-export': 'off' }\n" });
    expect(result.stderr).toBe("orch-guard: orch.config.ts:2:1: syntax error: '}' expected.\n");
    expect(result.exitCode).toBe(2);
  });

  test('a config that loops forever: exit 2 within the time limit', async () => {
    const result = await validateWith({ 'orch.config.ts': 'while (true) {}\nexport default {};\n' });
    expect(result.stderr).toBe('orch-guard: orch.config.ts: did not finish loading within 3 s (a loop, or a top-level await that never settles?)\n');
    expect(result.exitCode).toBe(2);
    expect(result.ms).toBeLessThan(45_000);
  });

  test('a top-level await that never settles: exit 2 with one line', async () => {
    const result = await validateWith({ 'orch.config.mjs': 'await new Promise(() => {});\nexport default {};\n' });
    expect(result.stderr).toBe('orch-guard: orch.config.mjs: failed to load: its top-level await never settles\n');
    expect(result.exitCode).toBe(2);
  });

  test('a config that leaves a setInterval running: the process still exits when its work is done', async () => {
    const result = await validateWith({ 'orch.config.ts': 'setInterval(() => {}, 1000);\nexport default {};\n' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Export `unused` is unused');
    expect(result.ms).toBeLessThan(45_000);
  });

  test('two config files in one root: an error naming both', async () => {
    const result = await validateWith({ 'orch.config.ts': 'export default {};\n', 'orch.config.json': '{ "rules": { "unused-export": "off" } }' });
    expect(result.stderr).toMatch(/^orch-guard: orch\.config\.ts and orch\.config\.json: two config files in .*; keep one \(or choose with --config\)\n$/);
    expect(result.exitCode).toBe(2);
  });
});
