import type { Analysis } from '../analyse/analyse.js';
import { NodeKind } from '../graph/symbol-graph.js';

/** How `why` names the start of a chain: the entry (and why it is one), a test, `@public`. */
export function rootLabeller(analysis: Analysis): (node: number) => string {
  const { graph } = analysis.context;
  return (node) => {
    const file = graph.files[graph.nodeFile[node]];
    const kind = graph.nodeKind[node];
    if (kind === NodeKind.ExportName || kind === NodeKind.Declaration) return `${graph.describe(node)} (@public)`;
    const role = file.isTest ? 'test file' : file.isDeclarationFile ? 'declaration file' : `entry: ${analysis.project.entries.get(file.path)?.detail ?? 'not parsed, kept as is'}`;
    return kind === NodeKind.WholeModule ? `${file.path} (exports are public API; ${role})` : `${file.path} (${role})`;
  };
}
