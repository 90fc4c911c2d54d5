import { UsageError } from '../errors.js';
import { withAnalysis } from '../analyse/with-analysis.js';
import type { Analysis } from '../analyse/analyse.js';
import { collectFileImports } from '../graph/file-imports.js';
import { findLoadCycles } from '../graph/import-cycles.js';
import { componentPicture } from '../picture/component-picture.js';
import { filePicture } from '../picture/file-picture.js';
import type { Picture } from '../picture/picture.js';
import { renderDot } from '../picture/render-dot.js';
import { renderMermaid } from '../picture/render-mermaid.js';
import { renderSvg } from '../picture/render-svg.js';
import { symbolPicture } from '../picture/symbol-picture.js';
import { viewOfAnalysis } from './query-view.js';
import { resolveTarget } from './resolve-target.js';
import { usageOf } from './symbol-queries.js';

export type GraphFormat = 'dot' | 'svg' | 'mermaid';

export interface GraphRequest {
  /** `files`, `components` (default when the config declares components), or the neighbourhood of `symbol`. */
  level?: 'files' | 'components';
  symbol?: string;
  depth: number;
  format: GraphFormat;
}

/** `orch-guard graph`: a picture of the analysed graph as DOT, SVG (through Graphviz) or Mermaid. */
export async function runGraph(options: { root: string; configFile?: string; production: boolean } & GraphRequest): Promise<{ output: string; notices: string[] }> {
  const notices: string[] = [];
  const picture = await withAnalysis({ root: options.root, configFile: options.configFile, production: options.production, notices }, (analysis) => pictureOf(analysis, options, notices));
  return { output: renderPicture(picture, options.format), notices };
}

function renderPicture(picture: Picture, format: GraphFormat): string {
  if (format === 'mermaid') return renderMermaid(picture);
  const dot = renderDot(picture);
  return format === 'svg' ? renderSvg(dot) : dot;
}

async function pictureOf(analysis: Analysis, request: GraphRequest, notices: string[]): Promise<Picture> {
  const { context, findings } = analysis;
  if (request.symbol !== undefined) {
    const view = viewOfAnalysis(analysis);
    const target = resolveTarget(view, request.symbol, 'graph --symbol');
    return symbolPicture(target.label, usageOf(view, target, request.depth));
  }
  const model = context.contracts;
  const level = request.level ?? (model === undefined ? 'files' : 'components');
  const imports = collectFileImports(context.files);
  if (level === 'files') {
    const files = context.files.filter((file) => !file.isDeclarationFile).map((file) => ({ path: file.path, live: context.isFileLive(file) }));
    return filePicture(files, imports, findings, model, await findLoadCycles(imports, notices));
  }
  if (model === undefined) throw new UsageError('graph --level components: the config declares no components (see `components` in orch.config.ts)');
  return componentPicture(model, imports, findings);
}
