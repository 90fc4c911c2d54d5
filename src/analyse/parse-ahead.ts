import { statSync } from 'node:fs';
import path from 'node:path';
import { dropParseWorkersAhead, parseThreadsFor, startParseWorkersAhead, MAX_PARSE_THREADS_BYTES } from '../indexer/parse-workers.js';

/**
 * A run that will parse every file (no registry yet, or no cache) starts its parse workers as
 * soon as the files are known, so their start-up overlaps what comes before parsing. The
 * files' sizes decide how many (none for a small project: see parseThreadsFor). Light: it
 * loads none of the indexer's modules on the main thread.
 */
export function startParsingAhead(root: string, files: readonly string[]): void {
  let bytes = 0;
  for (const file of files) {
    if (bytes >= MAX_PARSE_THREADS_BYTES) break;
    try {
      bytes += statSync(path.join(root, file), { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // The indexer reports what cannot be read.
    }
  }
  // The main thread parses too.
  startParseWorkersAhead(parseThreadsFor(bytes) - 1);
}

/** Stops the workers started ahead that no parse took. */
export function stopParsingAhead(): void {
  dropParseWorkersAhead();
}
