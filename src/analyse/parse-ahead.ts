import { dropParseWorkersAhead, parseThreadCount, startParseWorkersAhead } from '../indexer/parse-workers.js';

/**
 * A run that will parse every file (no registry yet, or no cache) starts its parse workers
 * before the project is loaded, so their start-up overlaps it. Light: it loads none of the
 * indexer's modules on the main thread.
 */
export function startParsingAhead(): void {
  // The main thread parses too.
  startParseWorkersAhead(parseThreadCount() - 1);
}

/** Stops the workers started ahead that no parse took. */
export function stopParsingAhead(): void {
  dropParseWorkersAhead();
}
