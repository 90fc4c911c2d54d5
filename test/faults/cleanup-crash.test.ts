import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../src/process/process-identity.js';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { runFaultCli, snapshotTree, startCli, waitFor } from './fault-cli.js';

// Verification that takes a while and, like a test suite that loads a module by name, fails
// when src/needed-by-name.js is gone: the cleanup bisects, so --fix writes many states.
const VERIFY = `import { appendFileSync, existsSync } from 'node:fs';
const log = process.env.VERIFY_LOG;
appendFileSync(log, 'start\\n' + 'pid ' + process.pid + '\\n');
await new Promise((resolve) => setTimeout(resolve, 250));
const ok = existsSync('src/needed-by-name.js');
appendFileSync(log, 'end\\n');
process.exit(ok ? 0 : 1);
`;

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { used } from './lib.js';\nimport { live } from './crlf.js';\nimport { util } from './util.js';\nconsole.log(used(), live(), util);\n",
  'src/lib.js': '#!/usr/bin/env node\nexport function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
  'src/crlf.js': '\uFEFF// kept with its BOM and CRLF line breaks\r\nexport function live() {\r\n  return 1;\r\n}\r\n\r\nexport function unusedHelper() {\r\n  return 2;\r\n}\r\n',
  'src/util.js': 'export const util = 3;\n',
  'src/dead.js': 'export const dead = 1;\n',
  'src/more-dead.js': 'export const moreDead = 1;\n',
  'src/needed-by-name.js': 'export const loadedByName = 1;\n',
};

const scratch = mkdtempSync(path.join(tmpdir(), 'orch-guard-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string): { root: string; log: string } {
  const log = path.join(scratch, `${name}.log`);
  const script = path.join(scratch, 'verify.mjs');
  writeFileSync(script, VERIFY);
  const root = createGitRepo({ ...PROJECT, 'orch.config.json': JSON.stringify({ cleanup: { verify: [`node ${script}`] } }) });
  chmodSync(path.join(root, 'src/lib.js'), 0o755);
  commitAll(root, 'initial');
  writeFileSync(log, '');
  return { root, log };
}

/** Whether the registry shows the cleanup committed (read-only, as another process would). */
function committed(root: string): boolean {
  const file = path.join(root, '.orch-guard/registry.db');
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, timeout: 1000 });
    try {
      return db.prepare("SELECT count(*) FROM cleanups WHERE status = 'applied'").pluck().get() === 1;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Whether every verification process the log names has ended. */
const verifiersGone = (log: string) => readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('pid ')).every((line) => !isProcessAlive(Number(line.slice(4)), null));

const lines = (log: string, word: string) => readFileSync(log, 'utf8').split('\n').filter((line) => line === word).length;

describe('cleanup --fix killed with SIGKILL at any point leaves the tree as before, or exactly cleaned with --undo working', () => {
  let cleaned: Record<string, string> = {};
  let verifications = 0;

  test('reference: an uninterrupted --fix (bisection keeps src/needed-by-name.js; modes, BOM and CRLF kept)', async () => {
    const { root, log } = project('reference');
    const before = snapshotTree(root);
    const fixed = await runFaultCli(['cleanup', '--fix', '--root', root], { env: { VERIFY_LOG: log } });
    expect(fixed.stderr).toContain('1 cluster broke verification and was restored');
    expect(fixed.exitCode).toBe(0);
    cleaned = snapshotTree(root);
    verifications = lines(log, 'start');
    expect(verifications).toBeGreaterThan(4);
    expect(Object.keys(cleaned).sort()).toEqual(['orch.config.json', 'package.json', 'src/crlf.js', 'src/index.js', 'src/lib.js', 'src/needed-by-name.js', 'src/util.js']);
    expect(cleaned['src/lib.js'].startsWith('755 ')).toBe(true);
    expect(readFileSync(path.join(root, 'src/crlf.js'), 'utf8')).toBe('\uFEFF// kept with its BOM and CRLF line breaks\r\nexport function live() {\r\n  return 1;\r\n}\r\n');
    const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
    expect(undo.exitCode).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  // Kill points: as the k-th verification starts (files written, or not yet for k = 1) and as
  // it ends (orch-guard about to bisect, write the next state, or commit).
  const points = (count: number) => [
    ...[...new Set([1, 2, 3, count])].filter((k) => k >= 1 && k <= count).flatMap((k) => [{ word: 'start', k }, { word: 'end', k }]),
    { word: 'committed', k: 1 },
  ];

  test('SIGKILL at every kill point, then the next orch-guard start', async () => {
    expect(verifications).toBeGreaterThan(0);
    const outcomes: string[] = [];
    for (const point of points(verifications)) {
      const { root, log } = project(`${point.word}-${point.k}`);
      const before = snapshotTree(root);
      const run = startCli(['cleanup', '--fix', '--root', root], { env: { VERIFY_LOG: log } });
      const reached = point.word === 'committed' ? () => committed(root) : () => lines(log, point.word) >= point.k;
      await waitFor(() => reached() || run.child.exitCode !== null, 60_000, `verification ${point.word} #${point.k}`);
      run.child.kill('SIGKILL');
      const killed = await run.result;
      // The verification command the kill left running is stopped by the watchdog (or it ended).
      await waitFor(() => verifiersGone(log), 10_000, 'the orphaned verification to be stopped');
      const next = await runFaultCli(['validate', '--root', root]);
      const after = snapshotTree(root);
      let outcome: string;
      if (JSON.stringify(after) === JSON.stringify(before)) {
        outcome = 'as before';
      } else {
        expect(after).toEqual(cleaned);
        const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
        expect(undo.exitCode).toBe(0);
        expect(snapshotTree(root)).toEqual(before);
        outcome = 'cleaned, undo restored it';
      }
      outcomes.push(`${point.word} #${point.k}: ${killed.signal ?? `exit ${killed.exitCode}`} → ${outcome}${next.stderr.includes('rolled back') ? ' (rolled back at the next start)' : ''}`);
      expect(existsSync(path.join(root, '.orch-guard/registry.db'))).toBe(true);
      rmSync(root, { recursive: true, force: true });
    }
    console.log(outcomes.join('\n'));
    expect(outcomes.some((outcome) => outcome.includes('rolled back at the next start'))).toBe(true);
  }, 600_000);
});
