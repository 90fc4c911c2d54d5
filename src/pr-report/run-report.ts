import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../rule-engine/finding.js';
import { DEFAULT_BASELINE_FILE, readBaseline } from '../baseline/baseline-file.js';
import { computeCleanup } from '../cleanup/compute-cleanup.js';
import { cleanupStats } from '../report/format-cleanup.js';
import { type Analysis, analyse } from '../analyse/analyse.js';
import { withAnalysis } from '../analyse/with-analysis.js';
import { loadProject } from '../project/load-project.js';
import { formatMarkdownReport } from '../report/markdown-report.js';
import { selectChangeScope } from '../validate/change-scope.js';
import { collectFileImports } from '../graph/file-imports.js';
import { componentPicture } from '../picture/component-picture.js';
import { renderMermaid } from '../picture/render-mermaid.js';
import { touchedComponents } from '../picture/touched-components.js';

export interface ReportOptions {
  root: string;
  configFile?: string;
  production: boolean;
  /** A git ref to compare with (its merge base with HEAD); else the baseline file, if any. */
  base?: string;
}

/**
 * `orch-guard report --format markdown`: the working tree against a base (a git ref analysed
 * from its tree, or the saved baseline), with what cleanup would remove. Appended to
 * $GITHUB_STEP_SUMMARY when that is set.
 */
export async function runReport(options: ReportOptions): Promise<{ markdown: string; notices: string[] }> {
  const notices: string[] = [];
  const scope = options.base !== undefined ? selectChangeScope(options.root, { changedSince: options.base }) : undefined;
  const markdown = await withAnalysis({ root: options.root, configFile: options.configFile, production: options.production, baseline: false, notices }, async (head, registry) => {
    let base: readonly Finding[] | undefined;
    let baseLabel: string | undefined;
    let diagram: string | undefined;
    if (scope !== undefined) {
      const baseProject = await loadProject({ root: options.root, configFile: options.configFile, production: options.production, notices: [], source: scope.base });
      const baseAnalysis = await analyse(baseProject, registry, { production: options.production, includeEntryExports: head.project.loaded.config.includeEntryExports ?? false, useCache: true, notices: [] });
      base = baseAnalysis.findings;
      baseLabel = options.base;
      diagram = touchedComponentsDiagram(head, baseAnalysis);
    } else if (existsSync(path.join(head.project.root, DEFAULT_BASELINE_FILE))) {
      const entries = readBaseline(path.join(head.project.root, DEFAULT_BASELINE_FILE)).entries;
      base = entries.map((entry) => ({ ...entry, severity: 'error' as const, line: 1, column: 1, reason: 'unreferenced' as const, message: '' }));
      baseLabel = 'the baseline';
    }
    const cleanup = await computeCleanup(head, registry, { production: options.production, scope: {}, notices });
    return formatMarkdownReport({ head: head.findings, base, baseLabel, cleanup: { removals: cleanup.items.length, removedLines: cleanupStats(cleanup).removedLines }, ...(diagram !== undefined ? { diagram } : {}) });
  });
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile !== undefined && summaryFile !== '') appendFileSync(summaryFile, `${markdown}\n`);
  return { markdown, notices };
}

/** A Mermaid diagram of the components the change touched and their neighbours, when components are declared. */
function touchedComponentsDiagram(head: Analysis, base: Analysis): string | undefined {
  const model = head.context.contracts;
  if (model === undefined) return undefined;
  const touched = touchedComponents(
    { files: head.context.files, componentOfFile: model.componentOfFile },
    { files: base.context.files, componentOfFile: base.context.contracts?.componentOfFile },
  );
  if (touched.size === 0) return undefined;
  return renderMermaid(componentPicture(model, collectFileImports(head.context.files), head.findings, touched));
}
