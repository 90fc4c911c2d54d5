import type { RegistryDatabase } from './open-registry.js';

/**
 * Runs `work` in one IMMEDIATE transaction: it takes the write lock first, so two processes
 * deciding on the same rows (two `orch-guard run`s claiming the run lock) cannot both win.
 */
export function writeTransaction<T>(registry: RegistryDatabase, work: () => T): T {
  return registry.transaction(work).immediate();
}
