import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findBaseline } from '../baseline/baseline-file.js';
import type { LoadedConfig } from '../config/load-config.js';
import { diskReadsHold } from '../files/disk-reads-hold.js';
import { FACTS_VERSION } from '../indexer/facts.js';
import type { Finding } from '../rule-engine/finding.js';
import { readKnipAnswerStamp } from '../registry/knip-store.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { readValidateStamp } from '../registry/validate-result-cache-store.js';
import { buildStamp, cachedResult, contentKey, hashOnDisk, resultKey } from './result-cache.js';

interface GivenOptions {
  configFile?: string;
  entryGlobs?: string[];
  projectGlobs?: string[];
  production: boolean;
  includeEntryExports?: boolean;
  baseline?: string | false;
}

/**
 * What a validate gives loading the project and keying its result, besides the disk: this
 * build, the options, the root and working folder, the config as loaded and its file, the
 * baseline and which knip answer the registry holds.
 */
export function validateGivenKey(root: string, loaded: LoadedConfig, options: GivenOptions, registry: RegistryDatabase): string {
  const baselineFile = findBaseline(root, options.baseline)?.file;
  const hash = createHash('sha1').update(JSON.stringify([
    buildStamp(), FACTS_VERSION, root, process.cwd(), options.configFile ?? null, options.entryGlobs ?? null, options.projectGlobs ?? null, options.production,
    options.includeEntryExports ?? null, options.baseline ?? null, loaded.file ?? null, loaded.config, baselineFile ?? null, readKnipAnswerStamp(registry),
  ]));
  if (loaded.file !== undefined) hash.update(readFileSync(loaded.file));
  if (baselineFile !== undefined) hash.update(readFileSync(baselineFile));
  return hash.digest('hex');
}

/**
 * The stored result and the project's notices and file count when the project would load as
 * it did for that result (its stamp's reads hold: see src/files/disk-read-journal.ts) and the
 * files are the same (by stat, else by content): no project loaded, no analysis module.
 */
export function unchangedResult(root: string, loaded: LoadedConfig, options: GivenOptions, registry: RegistryDatabase):
  { findings: Finding[]; notices: string[]; fileCount: number } | undefined {
  const stamp = readValidateStamp(registry);
  if (stamp === undefined || stamp.key !== validateGivenKey(root, loaded, options, registry)) return undefined;
  // The files first: a changed file, the usual reason for a run, shows in its stat, before the
  // project's reads (a git process among them) are asked again. Both must hold, in either order.
  const reused = cachedResult(registry, resultKey(root, stamp.files, stamp.inputs), () => contentKey(stamp.files, stamp.inputs, hashOnDisk(path.resolve(root))));
  if (reused === undefined || !diskReadsHold(stamp.reads)) return undefined;
  return { findings: reused.findings, notices: [...stamp.notices, ...reused.notices], fileCount: stamp.files.length };
}
