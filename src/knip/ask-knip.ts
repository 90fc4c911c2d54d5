import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { loadKnipAnswer, storeKnipAnswer } from '../registry/knip-store.js';
import type { KnipAnswer } from './knip-answer.js';
import { contentHashes, fileListHash, hashesUnchanged } from './knip-cache-key.js';

/** A run that takes longer than this is stopped: orch-guard never hangs on a tool's config. */
const KNIP_TIMEOUT_MS = 120_000;

export type KnipOutcome =
  | { kind: 'answer'; answer: KnipAnswer; cached: boolean; milliseconds: number }
  /** knip threw, timed out or could not load: the caller falls back and lowers confidence. */
  | { kind: 'failed'; message: string; milliseconds: number };

interface AskOptions {
  root: string;
  /** Root-relative project files (their list decides what knip's globs can match). */
  files: readonly string[];
  /** Absolute directories of the workspace packages. */
  packageDirs: readonly string[];
  /** Absolute directories of the nested packages (own package.json, not workspaces): knip reads their tools too. */
  nestedDirs: readonly string[];
  registry: RegistryDatabase;
  /**
   * The files are a git snapshot's or an overlay's, not the working tree's that knip reads:
   * their list says nothing about knip's answer, so a stored answer whose files are unchanged holds.
   */
  snapshot?: boolean;
  /** false (--no-cache): ask knip again whatever is stored. */
  useCache?: boolean;
  /**
   * The time limit runs from when this settles: the caller parses files meanwhile, and knip,
   * sharing the cores with that, must not be stopped for time it did not have to itself.
   */
  timeLimitFrom?: Promise<unknown>;
}

/**
 * knip's answer for the project: the cached one when neither the file list nor any file knip
 * read changed, else a fresh run on a worker thread (stored for the next run).
 */
export async function askKnip(options: AskOptions): Promise<KnipOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const listHash = fileListHash(options.root, options.files, [...options.packageDirs, ...options.nestedDirs]);
  const stored = loadKnipAnswer(options.registry);
  if (options.useCache !== false && stored !== undefined && (stored.listHash === listHash || options.snapshot === true) && hashesUnchanged(options.root, stored.fileHashes)) {
    return { kind: 'answer', answer: stored.answer as KnipAnswer, cached: true, milliseconds: elapsed() };
  }
  const outcome = await runKnipWorker(options.root, options.nestedDirs.map((dir) => path.relative(options.root, dir).split(path.sep).join('/')), options.timeLimitFrom);
  if (outcome.kind === 'failed') return { ...outcome, milliseconds: elapsed() };
  // From a snapshot, the working tree's file list is unknown: the next working-tree run asks again.
  storeKnipAnswer(options.registry, { listHash: options.snapshot === true ? 'snapshot' : listHash, fileHashes: contentHashes(options.root, outcome.answer.readFiles), answer: outcome.answer });
  return { kind: 'answer', answer: outcome.answer, cached: false, milliseconds: elapsed() };
}

/**
 * A stamp of the tool entries for result caches: the stored answer's identity when it still
 * holds, else a value that matches nothing (the next analysis asks knip again).
 */
export function toolEntriesStamp(options: Omit<AskOptions, 'registry'> & { registry: RegistryDatabase }): string {
  const listHash = fileListHash(options.root, options.files, [...options.packageDirs, ...options.nestedDirs]);
  const stored = loadKnipAnswer(options.registry);
  if (stored === undefined || stored.listHash !== listHash || !hashesUnchanged(options.root, stored.fileHashes)) return `stale ${Date.now()} ${Math.random()}`;
  return `${listHash} ${JSON.stringify(stored.fileHashes)}`;
}

type WorkerOutcome = { kind: 'answer'; answer: KnipAnswer } | { kind: 'failed'; message: string };

function runKnipWorker(root: string, nestedDirs: readonly string[], timeLimitFrom: Promise<unknown> | undefined): Promise<WorkerOutcome> {
  // From TypeScript sources (tests) there is no compiled worker file: run knip in this thread.
  if (!import.meta.url.endsWith('.js')) return runKnipHere(root, nestedDirs);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./knip-worker.js', import.meta.url), { workerData: { root, nestedDirs }, env: KNIP_ENV, stdout: true, stderr: true });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (result: { kind: 'answer'; answer: KnipAnswer } | { kind: 'failed'; message: string }) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const startTimeLimit = () => {
      if (!settled) timer = setTimeout(() => settle({ kind: 'failed', message: `no answer after ${KNIP_TIMEOUT_MS / 1000} s` }), KNIP_TIMEOUT_MS);
    };
    if (timeLimitFrom === undefined) startTimeLimit();
    else timeLimitFrom.then(startTimeLimit, startTimeLimit);
    worker.on('message', (message: { ok: true; answer: KnipAnswer } | { ok: false; message: string }) => {
      if (!message.ok) {
        settle({ kind: 'failed', message: firstLine(message.message) });
        return;
      }
      settle({ kind: 'answer', answer: { ...message.answer, configLoadErrors: configLoadErrors(output) } });
    });
    worker.on('error', (error) => settle({ kind: 'failed', message: firstLine(error.message) }));
    worker.on('exit', (code) => settle({ kind: 'failed', message: `knip stopped (exit ${code}) ${firstLine(output)}`.trim() }));
  });
}

/**
 * knip judges the repository as CI sees it: a fresh clone. (Its lefthook plugin counts lefthook
 * used only in CI, or when `lefthook install` has written the local .git/hooks.)
 */
const KNIP_ENV = { ...process.env, CI: '1' };

/** knip in this thread, its console output captured for the config load errors it reports. */
async function runKnipHere(root: string, nestedDirs: readonly string[]): Promise<WorkerOutcome> {
  const { runKnip } = await import('./run-knip.js');
  const originalCi = process.env.CI;
  process.env.CI = '1';
  const original = { log: console.log, warn: console.warn, error: console.error };
  let output = '';
  const capture = (...parts: unknown[]) => { output += `${parts.map(String).join(' ')}\n`; };
  Object.assign(console, { log: capture, warn: capture, error: capture });
  try {
    const answer = await runKnip(root, nestedDirs);
    return { kind: 'answer', answer: { ...answer, configLoadErrors: configLoadErrors(output) } };
  } catch (error) {
    return { kind: 'failed', message: firstLine(error instanceof Error ? error.message : String(error)) };
  } finally {
    Object.assign(console, original);
    if (originalCi === undefined) delete process.env.CI;
    else process.env.CI = originalCi;
  }
}

/** knip prints "Error loading <file> (<cause>)" for a tool config it could not load. */
function configLoadErrors(output: string): KnipAnswer['configLoadErrors'] {
  return [...output.matchAll(/Error loading (\S+) \((.*)\)/g)].map((match) => ({ file: match[1], message: firstLine(match[2]) }));
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
