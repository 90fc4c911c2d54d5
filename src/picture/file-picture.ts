import type { ContractModel } from '../contracts/contract-model.js';
import type { FileImport } from '../graph/file-imports.js';
import type { ImportCycle } from '../graph/import-cycles.js';
import type { Finding } from '../rule-engine/finding.js';
import type { Picture, PictureEdge } from './picture.js';

/**
 * Project files and their load-time imports, grouped by component. Red: imports that break a
 * contract (boundary-violation findings) and imports on a cycle; dotted: type-only and dynamic imports;
 * greyed: files no entry reaches.
 */
export function filePicture(
  files: ReadonlyArray<{ path: string; live: boolean }>,
  imports: readonly FileImport[],
  findings: readonly Finding[],
  model: ContractModel | undefined,
  cycles: readonly ImportCycle[],
): Picture {
  const violations = new Set(findings.filter((finding) => finding.rule === 'boundary-violation').map((finding) => `${finding.file}\0${finding.line}\0${finding.symbol}`));
  const groupOf = new Map(cycles.flatMap((cycle, index) => cycle.group.map((file) => [file, index] as const)));
  const onCycle = (edge: FileImport) => !edge.typeOnly && !edge.lazy && groupOf.has(edge.from) && groupOf.get(edge.from) === groupOf.get(edge.to);
  // Several imports of one file make one edge: red if any is a violation, dotted if none loads the file at load time.
  const merged = new Map<string, { from: string; to: string; violation: boolean; weak: boolean }>();
  for (const edge of imports) {
    const key = `${edge.from}\0${edge.to}`;
    const entry = merged.get(key) ?? { from: edge.from, to: edge.to, violation: false, weak: true };
    entry.violation ||= onCycle(edge) || violations.has(`${edge.from}\0${edge.line}\0${edge.specifier}`);
    entry.weak &&= edge.typeOnly || edge.lazy;
    merged.set(key, entry);
  }
  const edges: PictureEdge[] = [...merged.values()].map(({ from, to, violation, weak }) => ({ from, to, style: violation ? 'violation' : weak ? 'weak' : 'normal' }));
  return {
    title: 'files',
    nodes: files.map((file) => {
      const group = model?.componentOfFile.get(file.path);
      return { id: file.path, label: file.path, ...(group !== undefined ? { group } : {}), ...(file.live ? {} : { faded: true }) };
    }),
    edges: edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}
