import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureStateDir } from '../../files/state-dir.js';
import type { ClaimedRun } from './claim-run.js';

/**
 * `.orch-guard/runs/<id>/`: the run's events.jsonl and a log per task and attempt. Folders of
 * pruned runs are removed; a new run's folder starts empty (one left behind by a registry that
 * was rebuilt is not this run's).
 */
export function prepareRunDir(root: string, claimed: ClaimedRun): string {
  const runsDir = path.join(ensureStateDir(root), 'runs');
  for (const id of claimed.pruned) rmSync(path.join(runsDir, String(id)), { recursive: true, force: true });
  const dir = path.join(runsDir, String(claimed.runId));
  if (!claimed.resumed) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
