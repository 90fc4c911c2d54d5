import type { Analysis } from '../analyse/analyse.js';
import { UsageError } from '../errors.js';
import type { CleanupItem } from './plan-cleanup.js';

/**
 * Refuses (without --force) a cleanup that would delete more than half of the project's
 * files: that is almost always missing entries (a server, a CLI, scripts), not dead code. The
 * message names the files nothing imports, the tops of what would go, as the likely entries.
 */
export function checkDeletionScale(analysis: Analysis, items: readonly CleanupItem[]): void {
  const deleted = new Set(items.filter((item) => item.action === 'delete-file').map((item) => item.file));
  const total = analysis.project.files.length;
  if (deleted.size * 2 <= total) return;
  const imported = new Set<string>();
  for (const file of analysis.context.files) {
    for (const resolution of file.resolutions) if (resolution.kind === 'file') imported.add(resolution.path);
  }
  const tops = [...deleted].filter((file) => !imported.has(file)).sort();
  const entries = analysis.context.files.filter((file) => file.isEntry && !file.isTest).map((file) => file.path).sort();
  throw new UsageError(`cleanup --fix: would delete ${deleted.size} of the project's ${total} files, which usually means entries are missing; no file was changed. `
    + `Nothing imports ${listed(tops)}: if one of them is an entry point (a server, a CLI, a script), list it in \`entries\` in the config. `
    + `Entries found: ${entries.length === 0 ? 'none' : listed(entries)}. Pass --force to delete them anyway`);
}

function listed(files: readonly string[]): string {
  return files.length <= 8 ? files.join(', ') : `${files.slice(0, 8).join(', ')} and ${files.length - 8} more`;
}
