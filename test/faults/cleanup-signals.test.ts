import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, startCli, waitFor, withFaultProject } from './fault-cli.js';

// A verification that passes at once before the edit (src/dead.js still there); after it, logs
// its pid and runs for a long while.
const VERIFY = `import { appendFileSync, existsSync } from 'node:fs';
if (existsSync('src/dead.js')) process.exit(0);
appendFileSync(process.env.VERIFY_LOG, process.pid + '\\n');
await new Promise((resolve) => setTimeout(resolve, 30000));
`;

const scratch = mkdtempSync(path.join(tmpdir(), 'orch-guard-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.concurrent('cleanup --fix stopped by a signal rolls back before it exits', () => {
  for (const [signal, exitCode] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    test(`${signal} while verifying: every file restored at once, the verification stopped, one line, exit ${exitCode}`, async () => {
      const script = path.join(scratch, 'verify.mjs');
      writeFileSync(script, VERIFY);
      const log = path.join(scratch, `${signal}.log`);
      writeFileSync(log, '');
      const files = {
        'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
        'orch.config.json': JSON.stringify({ cleanup: { verify: [`node ${script}`] } }),
        'src/index.js': "import { used } from './lib.js';\nconsole.log(used());\n",
        'src/lib.js': 'export function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
        'src/dead.js': 'export const dead = 1;\n',
      };
      await withFaultProject(files, async (root) => {
        const before = snapshotTree(root);
        const run = startCli(['cleanup', '--fix', '--root', root], { env: { VERIFY_LOG: log } });
        await waitFor(() => readFileSync(log, 'utf8') !== '', 60_000, 'the verification');
        const verifier = Number(readFileSync(log, 'utf8').trim());
        expect(snapshotTree(root)).not.toEqual(before);
        // An undo meanwhile (of an older cleanup, or two at once) waits its turn: refused, nothing written.
        const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
        expect(undo.stderr).toBe('orch-guard: cleanup --undo: a cleanup --fix or --undo is running on this registry; wait for it to finish\n');
        expect(undo.exitCode).toBe(2);
        run.child.kill(signal);
        const result = await run.result;
        expect(result.stderr).toBe(`orch-guard: cleanup --fix: interrupted by ${signal}: cleanup #1 was interrupted before it was verified: rolled back (2 files restored)\n`);
        expect(result.exitCode).toBe(exitCode);
        // Right away, not at the next orch-guard command.
        expect(snapshotTree(root)).toEqual(before);
        await waitFor(() => !alive(verifier), 5_000, 'the verification to stop');
        const registry = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
        try {
          expect(registry.prepare('SELECT status FROM cleanups').pluck().all()).toEqual(['rolled back']);
        } finally {
          registry.close();
        }
      }, { git: true });
    }, 120_000);
  }
});
