import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { gitBlobId } from '../files/blob-id.js';
import { loadTypeScript, saveTypeScriptCodeCache } from '../typescript/load-typescript.js';
import { type ParseJob, type ParseOutcome, parseFile } from './parse-file.js';
import { parseThreadsFor, takeParseWorkers } from './parse-workers.js';
import type { FileFacts } from './facts.js';

/**
 * An outcome whose facts are also read back (the JSON is what the registry keeps): read on the
 * main thread as each batch comes, while the other threads still parse, not all at the end.
 */
export type ReadOutcome = Exclude<ParseOutcome, { status: 'parsed' }> | (Extract<ParseOutcome, { status: 'parsed' }> & { facts: FileFacts });

type UnchangedOutcome = Extract<ParseOutcome, { status: 'unchanged' }>;

function readFacts(outcome: ParseOutcome): ReadOutcome {
  return outcome.status === 'parsed' ? { ...outcome, facts: JSON.parse(outcome.factsJson) as FileFacts } : outcome;
}

const BATCH_SIZE = 16;
const YIELD_EVERY_MS = 10;
/** Batches a worker holds: it has the next one while the main thread, parsing too, is busy. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Parses files on the main thread and on worker threads (one thread per core, fewer for few
 * bytes) from a shared queue of small batches, so a few large files do not leave a core idle.
 * Runs from TypeScript sources (tests) parse on the main thread only.
 */
export async function parseInParallel(allJobs: ParseJob[], onProgress?: (done: number, total: number) => void): Promise<ReadOutcome[]> {
  const { unchanged, jobs } = screenUnchanged(allJobs);
  const outcomes: ReadOutcome[] = [...unchanged];
  const report = () => onProgress?.(outcomes.length, allJobs.length);
  if (unchanged.length > 0) report();
  const threads = parseThreadsFor(jobs.reduce((sum, job) => sum + job.size, 0));
  // Largest files first: the long poles start early.
  const queue = [...jobs].sort((a, b) => b.size - a.size);
  const working = takeParseWorkers(threads - 1).map((worker) => feedWorker(worker, queue, (batch) => {
    for (const outcome of batch) outcomes.push(readFacts(outcome));
    report();
  }));
  // The main thread takes files too, one at a time; every few milliseconds it lets the
  // workers' answers in (and sends them their next batch), so a worker never waits on it.
  let lastYield = performance.now();
  for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
    outcomes.push(readFacts(parseFile(loadTypeScript, job)));
    report();
    if (working.length > 0 && performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  if (jobs.length > 0) saveTypeScriptCodeCache();
  await Promise.all(working);
  return outcomes;
}

/** Sends batches of the queue to one worker until it is empty; resolves when the worker has answered them all. */
function feedWorker(worker: Worker, queue: ParseJob[], onBatch: (outcomes: ParseOutcome[]) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let finished = false;
    const sendNext = () => {
      if (finished) return;
      const batch = queue.splice(0, BATCH_SIZE);
      if (batch.length > 0) {
        inFlight += 1;
        worker.postMessage(batch);
      } else if (inFlight === 0) {
        finished = true;
        void worker.terminate().then(() => resolve());
      }
    };
    worker.on('message', (batchOutcomes: ParseOutcome[]) => {
      inFlight -= 1;
      onBatch(batchOutcomes);
      sendNext();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!finished) reject(new Error(`a parse worker stopped (exit code ${code})`));
    });
    for (let sent = 0; sent < BATCHES_IN_FLIGHT; sent += 1) sendNext();
  });
}

/**
 * Jobs for files indexed before whose stat could not vouch (touched, checked out, just
 * written) are mostly unchanged: their content is hashed here, on the main thread, so only
 * files whose content really changed count towards starting workers (each loads the compiler).
 * A changed file keeps the bytes read; a file that cannot be read is left to parseFile to report.
 */
function screenUnchanged(jobs: readonly ParseJob[]): { unchanged: UnchangedOutcome[]; jobs: ParseJob[] } {
  const unchanged: UnchangedOutcome[] = [];
  const remaining: ParseJob[] = [];
  for (const job of jobs) {
    if (job.cachedHash === undefined || job.content !== undefined) {
      remaining.push(job);
      continue;
    }
    let content: Buffer;
    try {
      content = readFileSync(job.absolutePath);
    } catch {
      remaining.push(job);
      continue;
    }
    const hash = gitBlobId(content);
    if (hash === job.cachedHash) unchanged.push({ path: job.path, status: 'unchanged', hash });
    else remaining.push({ ...job, content, size: content.length });
  }
  return { unchanged, jobs: remaining };
}
