import { constants } from 'node:os';
import { killAllTasksNow } from '../process/run-in-process-group.js';
import { findCleanup } from '../registry/cleanup-store.js';
import { rollBackPendingCleanup } from '../registry/roll-back-cleanups.js';
import type { CleanupJournal } from './cleanup-journal.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a cleanup is unfinished, Ctrl-C, SIGTERM or a closed terminal roll it back before the
 * process ends (killed without this, it would leave the tree half cleaned until the next
 * orch-guard command): the verification commands are stopped, every file restored, one line
 * said, and the process exits 128 + the signal's number. A signal someone else already handles
 * (`orch-guard run` stops its own way) is left to them. Returns the function that stops watching.
 */
export function rollBackOnSignal(journal: CleanupJournal): () => void {
  const watched = STOP_SIGNALS.filter((signal) => process.listenerCount(signal) === 0);
  const onSignal = (signal: NodeJS.Signals) => {
    // The verification commands run in process groups of their own, so the signal missed them.
    killAllTasksNow();
    let message: string;
    try {
      const pending = findCleanup(journal.registry, journal.id)?.status === 'pending';
      message = `interrupted by ${signal}${pending ? `: ${rollBackPendingCleanup(journal.registry, journal.id, journal.root).join('; ')}` : ''}`;
    } catch (error) {
      message = `interrupted by ${signal}; restoring the files failed (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}): cleanup #${journal.id} is kept in the registry, and the next orch-guard command restores them`;
    }
    journal.lock.release();
    process.stderr.write(`orch-guard: cleanup --fix: ${message}\n`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of watched) process.on(signal, onSignal);
  return () => {
    for (const signal of watched) process.off(signal, onSignal);
  };
}
