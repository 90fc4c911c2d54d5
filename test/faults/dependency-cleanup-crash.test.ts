import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { inDependencyRepo, OFFLINE } from '../support/dependency-fixture.js';
import { runFaultCli, startCli, waitFor } from './fault-cli.js';

/** The dependency fixture in a git repository, with the markers and fake tools of a case ignored. */
const inRepo = (work: (root: string) => Promise<void>, files: Record<string, string> = {}) => inDependencyRepo(work, { '.gitignore': 'node_modules/\nbin/\n*.marker\n', ...files });

const bytes = (root: string, file: string) => readFileSync(path.join(root, file));

describe('removing dependencies through the package manager is journaled like a code cleanup', () => {
  test('--undo puts package.json and the lockfile back byte for byte and says to reinstall', async () => {
    await inRepo(async (root) => {
      const manifest = bytes(root, 'package.json');
      const lockfile = bytes(root, 'package-lock.json');
      const fixed = await runFaultCli(['cleanup', '--fix', '--root', root], { env: OFFLINE });
      expect(fixed.exitCode).toBe(0);
      expect(bytes(root, 'package.json')).not.toEqual(manifest);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.exitCode).toBe(0);
      expect(bytes(root, 'package.json')).toEqual(manifest);
      expect(bytes(root, 'package-lock.json')).toEqual(lockfile);
      expect(undo.stderr).toContain('run `npm install` to install the packages again');
    });
  }, 120_000);

  test('killed while the package manager rewrites package.json: the next start puts both files back', async () => {
    // A package manager that has written half its work when the kill comes.
    const npm = '#!/bin/sh\nprintf \'{ "name": "half-written"\' > package.json\ntouch npm.marker\nsleep 8\n';
    await inRepo(async (root) => {
      chmodSync(path.join(root, 'bin/npm'), 0o755);
      const manifest = bytes(root, 'package.json');
      const lockfile = bytes(root, 'package-lock.json');
      const started = startCli(['cleanup', '--fix', '--root', root], { env: { ...OFFLINE, PATH: `${path.join(root, 'bin')}:${process.env.PATH}` } });
      await waitFor(() => existsSync(path.join(root, 'npm.marker')), 30_000, 'the package manager to start');
      started.child.kill('SIGKILL');
      await started.result;
      expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe('{ "name": "half-written"');
      const next = await runFaultCli(['validate', '--root', root], { env: OFFLINE });
      expect(next.stderr).toContain('was interrupted before it was verified: rolled back');
      expect(bytes(root, 'package.json')).toEqual(manifest);
      expect(bytes(root, 'package-lock.json')).toEqual(lockfile);
    }, { 'bin/npm': npm });
  }, 120_000);

  test('killed while verifying without the package (moved aside): the next start puts it back', async () => {
    // Passes at once with left-pad installed (the check before any removal); without it, hangs.
    const verify = "import { existsSync, writeFileSync } from 'node:fs';\nif (!existsSync('node_modules/left-pad')) {\n  writeFileSync('verify.marker', '');\n  await new Promise((resolve) => setTimeout(resolve, 8_000));\n}\n";
    await inRepo(async (root) => {
      const started = startCli(['cleanup', '--fix', '--root', root], { env: OFFLINE });
      await waitFor(() => existsSync(path.join(root, 'verify.marker')), 90_000, 'verification to start');
      started.child.kill('SIGKILL');
      await started.result;
      expect(existsSync(path.join(root, 'node_modules/left-pad'))).toBe(false);
      const next = await runFaultCli(['validate', '--root', root], { env: OFFLINE });
      expect(next.stderr).toContain('put back installed packages it had moved aside to verify without them: node_modules/left-pad');
      expect(readFileSync(path.join(root, 'node_modules/left-pad/index.js'), 'utf8')).toBe('module.exports = (text) => text;\n');
    }, { 'verify.mjs': verify, 'orch.config.json': '{ "cleanup": { "verify": ["node verify.mjs"] } }\n' });
  }, 120_000);
});
