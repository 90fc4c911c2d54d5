import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { gitBlobId } from '../files/blob-id.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { applyCleanup } from './apply-cleanup.js';
import { clusterItems, findCulprits } from './bisect-clusters.js';
import { type CleanupJournal, commitCleanup, failCleanup, openCleanupJournal, writeCleanupState } from './cleanup-journal.js';
import type { CleanupComputation } from './compute-cleanup.js';
import { itemKey } from './plan-cleanup.js';
import { rollBackOnSignal } from './roll-back-on-signal.js';
import { runVerification, type VerificationStep, verificationPassed } from './verify.js';

export interface FixOutcome {
  final: CleanupComputation;
  verification: VerificationStep[];
  cleanupId: number;
}

/**
 * Applies a computed cleanup under a journal: recorded before the first write, verified
 * (restoring, by bisection, the clusters that break verification), committed only then.
 * Any failure on the way, an internal error included, rolls every file back before the error
 * goes on; a crash leaves the journal for the next start to roll back.
 */
export async function fixCleanup(
  registry: RegistryDatabase,
  root: string,
  computation: CleanupComputation,
  options: { commands: readonly string[]; verify: boolean; notices: string[] },
): Promise<FixOutcome> {
  const current = dropChangedFiles(root, computation, options.notices);
  const journal = openCleanupJournal(registry, root, current.originals);
  const stopWatching = rollBackOnSignal(journal);
  try {
    writeCleanupState(journal, current.contents);
    let final = current;
    let verification: VerificationStep[] = [];
    if (options.verify) {
      verification = await runVerification(root, options.commands);
      if (!verificationPassed(verification)) {
        final = await restoreCulprits(journal, current, options.commands, options.notices);
        writeCleanupState(journal, final.contents);
        verification = await runVerification(root, options.commands);
      }
      if (!verificationPassed(verification)) throw new UsageError('cleanup --fix: verification still fails after restoring the failing clusters; every file was restored');
    }
    commitCleanup(journal, {
      contents: final.contents,
      items: final.items,
      summary: { items: final.items, kept: final.kept.map(({ item, reason }) => ({ item, reason })), verification },
    });
    return { final, verification, cleanupId: journal.id };
  } catch (error) {
    throw failCleanup(journal, error, options.notices);
  } finally {
    stopWatching();
    journal.lock.release();
  }
}

/** A file edited since it was read is skipped (with its items), not overwritten. */
function dropChangedFiles(root: string, computation: CleanupComputation, notices: string[]): CleanupComputation {
  const reasons = new Map<string, string>();
  for (const [file, original] of computation.originals) {
    const absolute = path.join(root, file);
    const bytes = existsSync(absolute) ? readFileSync(absolute) : undefined;
    if (bytes !== undefined && gitBlobId(bytes) === gitBlobId(Buffer.from(original, 'utf8'))) continue;
    // A file that is not UTF-8 was read as Latin-1: written back as UTF-8, its other bytes would change.
    reasons.set(file, bytes !== undefined && !isUtf8(bytes) ? 'not valid UTF-8, so it is not edited' : 'changed since it was analysed');
  }
  if (reasons.size === 0) return computation;
  for (const reason of new Set(reasons.values())) {
    notices.push(`cleanup --fix: skipped ${[...reasons].filter(([, why]) => why === reason).map(([file]) => file).join(', ')}: ${reason}`);
  }
  const skipped = new Set(reasons.keys());
  const items = computation.items.filter((item) => !skipped.has(item.file));
  const originals = new Map([...computation.originals].filter(([file]) => !skipped.has(file)));
  const applied = applyCleanup(originals, items);
  const kept = [...computation.kept, ...computation.items.filter((item) => skipped.has(item.file)).map((item) => ({ item, reason: reasons.get(item.file) === 'changed since it was analysed' ? 'the file changed after it was analysed' : 'the file is not valid UTF-8' }))];
  return { ...computation, items, originals, contents: applied.contents, kept };
}

/** Bisects over dead clusters for the removals that break verification, and keeps those. */
async function restoreCulprits(journal: CleanupJournal, computation: CleanupComputation, commands: readonly string[], notices: string[]): Promise<CleanupComputation> {
  const clusters = clusterItems(computation.items);
  const { culprits } = await findCulprits(clusters, async (applied) => {
    writeCleanupState(journal, applyCleanup(computation.originals, applied.flat()).contents);
    return verificationPassed(await runVerification(journal.root, commands));
  });
  const culpritKeys = new Set(culprits.flat().map(itemKey));
  const items = computation.items.filter((item) => !culpritKeys.has(itemKey(item)));
  const applied = applyCleanup(computation.originals, items);
  notices.push(`cleanup --fix: ${culprits.length} cluster${culprits.length === 1 ? '' : 's'} broke verification and ${culprits.length === 1 ? 'was' : 'were'} restored`);
  return {
    ...computation,
    items,
    contents: applied.contents,
    kept: [...computation.kept, ...culprits.flat().map((item) => ({ item, reason: 'removing it breaks verification (something uses it in a way the analysis cannot see)' }))],
  };
}
