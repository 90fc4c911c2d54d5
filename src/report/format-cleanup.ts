import { plural } from './plural.js';
import { Chalk } from 'chalk';
import { diffStat, unifiedDiff } from './unified-diff.js';
import type { CleanupResult } from '../cleanup/run-cleanup.js';
import type { CleanupItem } from '../cleanup/plan-cleanup.js';

const ACTION_LABELS: Record<CleanupItem['action'], string> = {
  'delete-file': 'delete file',
  'remove-declaration': 'remove',
  'remove-export': 'remove export',
  'remove-enum-member': 'remove member',
  'remove-reexport': 'remove re-export',
  'remove-module-reference': 'remove re-export',
};

/** The unified diff of a cleanup, files in path order. */
function cleanupDiff(result: Pick<CleanupResult, 'originals' | 'contents'>): string {
  return [...result.contents.keys()].sort().map((file) => unifiedDiff(file, result.originals.get(file) ?? '', result.contents.get(file) ?? null)).join('');
}

/**
 * Files touched and lines, over the whole cleanup: `removedLines` are gone (the diff's removed
 * lines less its added ones), `changedLines` stay in an edited form (an `export` keyword dropped).
 */
export function cleanupStats(result: Pick<CleanupResult, 'originals' | 'contents'>): { files: number; removedLines: number; changedLines: number } {
  let removed = 0;
  let added = 0;
  for (const [file, after] of result.contents) {
    const stat = diffStat(result.originals.get(file) ?? '', after);
    removed += stat.removed;
    added += stat.added;
  }
  return { files: result.contents.size, removedLines: Math.max(0, removed - added), changedLines: added };
}

/** Text: the diff (dry run), what is removed and kept, verification, how to apply or undo. */
export function formatCleanupText(result: CleanupResult, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  if (result.mode === 'dry-run' && result.contents.size > 0) lines.push(cleanupDiff(result).trimEnd(), '');
  const stats = cleanupStats(result);
  const changed = stats.changedLines > 0 ? `, ${plural(stats.changedLines, 'line')} changed` : '';
  const what = `${plural(result.items.length, 'removal')} in ${plural(stats.files, 'file')}, ${plural(stats.removedLines, 'line')} removed${changed}`;
  if (result.items.length === 0) lines.push(chalk.green('✔ Nothing to clean up'));
  else if (result.mode === 'dry-run') lines.push(chalk.bold(`Cleanup (dry run): ${what}`));
  else lines.push(chalk.green.bold(`Applied cleanup #${result.cleanupId}: ${what}`));
  const width = Math.max(0, ...result.items.map((item) => label(item).length));
  for (const item of [...result.items].sort((a, b) => label(a).localeCompare(label(b)))) {
    lines.push(`  ${ACTION_LABELS[item.action].padEnd(16)} ${label(item).padEnd(width)}  ${chalk.dim(item.rule)}`);
  }
  if (result.kept.length > 0) {
    lines.push('', `Kept ${plural(result.kept.length, 'finding')} (not removed):`);
    for (const { item, reason } of result.kept) lines.push(`  ${label(item)} (${item.rule}): ${reason}`);
  }
  if (result.verification.length > 0) {
    lines.push('', 'Verification:');
    for (const step of result.verification) lines.push(`  ${step.ok ? chalk.green('✔') : chalk.red('✖')} ${step.command} (${(step.durationMs / 1000).toFixed(1)} s)`);
  }
  if (result.mode === 'fix' && result.items.length > 0 && !result.verified) lines.push('', chalk.yellow('Not verified: nothing checked that the project still builds and passes its tests after this cleanup.'));
  lines.push(...dependencyLines(result));
  if (result.items.length > 0) {
    lines.push('', result.mode === 'dry-run'
      ? 'Run `orch-guard cleanup --fix` to apply; every change is recorded, and `orch-guard cleanup --undo` restores it.'
      : `Undo with \`orch-guard cleanup --undo ${result.cleanupId}\`.`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCleanupJson(result: CleanupResult): string {
  return `${JSON.stringify({
    version: 1,
    mode: result.mode,
    ...(result.cleanupId !== undefined ? { cleanupId: result.cleanupId } : {}),
    summary: { removals: result.items.length, ...cleanupStats(result) },
    items: result.items.map(({ action, file, name, rule, kind, line }) => ({ action, file, name, rule, kind, line })),
    kept: result.kept.map(({ item, reason }) => ({ action: item.action, file: item.file, name: item.name, rule: item.rule, reason })),
    files: [...result.contents.keys()].sort().map((file) => ({ path: file, action: result.contents.get(file) === null ? 'delete' : 'edit', ...diffStat(result.originals.get(file) ?? '', result.contents.get(file) ?? null) })),
    verification: result.verification,
    verified: result.verified,
    ...(result.dependencies !== undefined ? {
      dependencies: {
        manager: result.dependencies.manager ?? null,
        [result.mode === 'dry-run' ? 'planned' : 'removed']: result.dependencies.removals,
        kept: result.dependencies.kept.map(({ removal, reason }) => ({ ...removal, reason })),
        verification: result.dependencies.verification,
      },
    } : {}),
    diff: cleanupDiff(result),
  }, null, 2)}\n`;
}

/** Unused dependencies: what the package manager would remove (dry run) or removed, and what was kept. */
function dependencyLines(result: CleanupResult): string[] {
  const plan = result.dependencies;
  if (plan === undefined) return [];
  const lines: string[] = [];
  if (plan.removals.length > 0) {
    lines.push('', `${result.mode === 'dry-run' ? 'Would remove' : 'Removed'} ${plural(plan.removals.length, 'unused dependency').replace('dependencys', 'dependencies')} with ${plan.manager}:`);
    for (const removal of plan.removals) lines.push(`  ${removal.name}  (${removal.manifest})`);
  }
  if (plan.kept.length > 0) {
    lines.push('', `Kept ${plural(plan.kept.length, 'dependency').replace('dependencys', 'dependencies')}:`);
    for (const { removal, reason } of plan.kept) lines.push(`  ${removal.name} (${removal.manifest}): ${reason}`);
  }
  return lines;
}

function label(item: CleanupItem): string {
  return item.action === 'delete-file' ? item.file : `${item.file}#${item.name}`;
}

