import { killPoint } from '../files/kill-point.js';
import type Database from 'better-sqlite3';

type RegistryDatabase = Database.Database;

/**
 * Runs `work` in one IMMEDIATE transaction: it takes the write lock first, so two processes
 * deciding on the same rows (two `orch-guard run`s claiming the run lock) cannot both win.
 */
export function writeTransaction<T>(registry: RegistryDatabase, work: () => T): T {
  return registry.transaction(work).immediate();
}

/**
 * Commits with synchronous = FULL: the journal must be on disk (not only in the OS cache)
 * before the files it protects are touched, so it survives a power loss as well as a kill.
 */
export function durably<T>(registry: RegistryDatabase, write: () => T): T {
  registry.pragma('synchronous = FULL');
  try {
    const result = registry.transaction(write).immediate();
    killPoint('registry transaction committed (synced)');
    return result;
  } finally {
    registry.pragma('synchronous = NORMAL');
  }
}
