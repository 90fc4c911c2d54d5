import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../files/jsonc.js';
import type { BundlerAlias } from '../resolve/bundler-aliases.js';
import { isRecord } from '../project/entries/tools/config-values.js';

const JSON_CONFIGS = ['knip.json', 'knip.jsonc', '.knip.json', '.knip.jsonc'];

/**
 * The import aliases a JSON knip config declares with `paths` (tsconfig-like, for aliases only a
 * bundler knows), at its top and per workspace (`workspaces: { "ws": { paths } }`): the project's
 * own statement of how those imports resolve. A config in code (knip.ts) is not run for this.
 */
export function knipConfigPaths(root: string, notices: string[]): BundlerAlias[] {
  const config = readKnipJson(root, notices);
  if (config === undefined) return [];
  const aliases: BundlerAlias[] = [...aliasesOf(root, '', config.paths)];
  const workspaces = config.workspaces;
  if (isRecord(workspaces)) {
    for (const [dir, settings] of Object.entries(workspaces)) {
      // A glob key (`packages/*`) names many workspaces: its paths are not expanded here.
      if (!isRecord(settings) || /[*?{]/.test(dir)) continue;
      aliases.push(...aliasesOf(root, dir === '.' ? '' : path.posix.normalize(dir).replace(/\/$/, ''), settings.paths));
    }
  }
  return aliases;
}

function aliasesOf(root: string, workspaceDir: string, paths: unknown): BundlerAlias[] {
  if (!isRecord(paths)) return [];
  const base = path.join(root, workspaceDir);
  return Object.entries(paths).flatMap(([pattern, targets]) => {
    const list = (Array.isArray(targets) ? targets : [targets]).filter((target): target is string => typeof target === 'string');
    return list.length === 0 ? [] : [{ workspaceDir, pattern, targets: list.map((target) => path.resolve(base, target)) }];
  });
}

function readKnipJson(root: string, notices: string[]): Record<string, unknown> | undefined {
  for (const name of JSON_CONFIGS) {
    const parsed = parseFile(root, name, notices);
    if (isRecord(parsed)) return parsed;
  }
  const manifest = parseFile(root, 'package.json', notices);
  return isRecord(manifest) && isRecord(manifest.knip) ? manifest.knip : undefined;
}

function parseFile(root: string, name: string, notices: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path.join(root, name), 'utf8');
  } catch {
    // No such config: nothing declared.
    return undefined;
  }
  try {
    return parseJsonc(text);
  } catch (error) {
    notices.push(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}): the import aliases its \`paths\` declare are not used`);
    return undefined;
  }
}
