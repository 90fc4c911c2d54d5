import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliResult, REPO_ROOT, runCli } from './run-cli.js';

const REGISTER = pathToFileURL(path.join(REPO_ROOT, 'test/support/module-trace/register.mjs')).href;

/** Runs the built CLI and lists the modules it loaded: paths relative to the repository (`dist/src/...`, `node_modules/...`). */
export async function runCliTracingModules(args: string[], options: { cwd?: string } = {}): Promise<CliResult & { modules: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-trace-'));
  const file = path.join(dir, 'modules.txt');
  try {
    const result = await runCli(args, { ...options, env: { NODE_OPTIONS: `--import ${REGISTER}`, MODULE_TRACE_FILE: file } });
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : [];
    const modules = lines
      .map((line) => (line.startsWith('file:') ? new URL(line).pathname : line))
      .filter((line) => line.startsWith('/'))
      .map((line) => path.relative(REPO_ROOT, line).split(path.sep).join('/'));
    return { ...result, modules: [...new Set(modules)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
