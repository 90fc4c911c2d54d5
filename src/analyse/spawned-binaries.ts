import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphFile } from '../graph/symbol-graph.js';
import { binariesOf } from './command-used-packages.js';
import type { InstalledManifests } from './installed-package.js';

/** Modules that run programs. */
const PROCESS_RUNNERS = new Set(['child_process', 'node:child_process', 'execa', 'cross-spawn', 'zx', 'nano-spawn', 'tinyexec', 'shelljs', 'spawndamnit']);

/**
 * An unused dependency whose binary a live file that runs programs names in a string
 * (`execa(bin('c8'), ...)` with `bin = (name) => join('node_modules/.bin', name)`, a task
 * runner's `spawn('licensee', ...)`) may well be run by it: the finding is low confidence, as
 * orch-guard cannot follow the name into the call. Findings are changed in place and returned.
 */
export function markSpawnedBinaries<T extends { file: string; rule: string; symbol: string | null; confidence?: 'low'; uncertainty?: string }>(
  findings: T[], root: string, files: readonly GraphFile[], isLive: (file: GraphFile) => boolean, manifests: InstalledManifests,
): T[] {
  const candidates = findings.filter((finding) => finding.rule === 'unused-dependency' && finding.confidence !== 'low' && finding.symbol !== null);
  if (candidates.length === 0) return findings;
  let texts: Array<{ path: string; text: string }> | undefined;
  for (const finding of candidates) {
    const bins = binariesOf(manifests, path.join(root, path.dirname(finding.file)), finding.symbol as string);
    if (bins.length === 0) continue;
    texts ??= files.filter((file) => isLive(file) && file.facts.imports.some((fact) => PROCESS_RUNNERS.has(fact.specifier))).flatMap((file) => {
      try {
        return [{ path: file.path, text: readFileSync(path.join(root, file.path), 'utf8') }];
      } catch {
        return [];
      }
    });
    const runner = texts.find(({ text }) => bins.some((bin) => new RegExp(`['"\`]${bin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`).test(text)));
    if (runner === undefined) continue;
    finding.confidence = 'low';
    finding.uncertainty = `${runner.path} runs programs and names its binary: it may run it`;
  }
  return findings;
}
