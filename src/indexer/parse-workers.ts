import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Parse worker threads, and the ones started ahead of the file list. A worker's start-up (node,
 * then the compiler) takes a few hundred milliseconds; on a run that will parse every file (no
 * registry yet) it overlaps loading the config and the project when the workers are started
 * first. Started ahead, they hold no reference on the event loop until a parse takes them, so
 * a run that ends without parsing is not kept alive by them.
 */
let startedAhead: Worker[] = [];
/** Workers that have stopped (a failed start-up): a parse does not take them. */
const exited = new WeakSet<Worker>();

/** Workers run from the built JavaScript only: runs from TypeScript sources (tests) parse on the main thread. */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Each thread that parses first runs the compiler and the extractor slowly, until V8 has
 * compiled them (about the first megabyte, some 0.7 s of CPU): a thread pays that again and
 * gains only when its share of the bytes is well past it. On zod (3 MB, 2 cores) a second
 * thread cost 25% more CPU for 10% less wall time on an idle machine (2.1 s against 2.3 s),
 * and was slower on a busy one. A cold run is waited for (a first run, a CI job without a
 * cache), mostly on a machine with cores to spare: a thread per megabyte, up to one per core;
 * ORCH_GUARD_PARSE_THREAD_BYTES sets another size (tests use it to reach several threads on a
 * small project; a busy machine gains from a larger one).
 */
const BYTES_PER_THREAD = threadBytes();

function threadBytes(): number {
  const configured = Number(process.env.ORCH_GUARD_PARSE_THREAD_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : 1024 * 1024;
}

/** Past this many bytes every core parses: a caller summing sizes can stop there. */
export const MAX_PARSE_THREADS_BYTES = availableParallelism() * BYTES_PER_THREAD;

/** How many threads (the main one included) parse `bytes` of source. */
export function parseThreadsFor(bytes: number): number {
  return canUseWorkers() ? Math.min(availableParallelism(), Math.max(1, Math.floor(bytes / BYTES_PER_THREAD))) : 1;
}

/** Starts `count` parse workers now, for the next parse to take. */
export function startParseWorkersAhead(count: number): void {
  if (!canUseWorkers() || count <= 0 || startedAhead.length > 0) return;
  startedAhead = Array.from({ length: count }, () => {
    const worker = startParseWorker();
    worker.unref();
    return worker;
  });
}

/** `count` workers: those started ahead first (the rest of those are stopped), then new ones. */
export function takeParseWorkers(count: number): Worker[] {
  const taken = startedAhead.filter((worker) => !exited.has(worker)).slice(0, count);
  startedAhead = startedAhead.filter((worker) => !taken.includes(worker));
  dropParseWorkersAhead();
  for (const worker of taken) worker.ref();
  while (taken.length < count) taken.push(startParseWorker());
  return taken;
}

/** Stops the workers started ahead that no parse took (a run with nothing, or little, to parse). */
export function dropParseWorkersAhead(): void {
  for (const worker of startedAhead.splice(0)) void worker.terminate();
}

function startParseWorker(): Worker {
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
  // A worker that fails before a parse takes it is not taken (a new one would report the failure).
  worker.on('error', () => {});
  worker.on('exit', () => exited.add(worker));
  return worker;
}
