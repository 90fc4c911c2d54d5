import { parseRequirement } from '../config/requirement.js';
import type { ContractModel } from '../contracts/contract-model.js';
import type { FileImport } from '../graph/file-imports.js';
import type { Finding } from '../rule-engine/finding.js';
import { plural } from '../report/plural.js';
import type { Picture, PictureEdge } from './picture.js';

/**
 * Components and the imports between them next to what the config declares: an import the
 * contract allows is a plain edge labelled with its count, one that breaks it (a
 * boundary-violation finding) is red, a declared `requires` no import uses is dashed.
 * With `focus`, only those components and their direct neighbours are drawn.
 */
export function componentPicture(model: ContractModel, imports: readonly FileImport[], findings: readonly Finding[], focus?: ReadonlySet<string>): Picture {
  const violations = new Set(findings.filter((finding) => finding.rule === 'boundary-violation').map((finding) => `${finding.file}\0${finding.line}\0${finding.symbol}`));
  const actual = new Map<string, { count: number; violation: boolean }>();
  for (const edge of imports) {
    const from = model.componentOfFile.get(edge.from);
    const to = model.componentOfFile.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\0${to}`;
    const entry = actual.get(key) ?? { count: 0, violation: false };
    entry.count += 1;
    entry.violation ||= violations.has(`${edge.from}\0${edge.line}\0${edge.specifier}`);
    actual.set(key, entry);
  }
  const edges: PictureEdge[] = [...actual].map(([key, { count, violation }]) => {
    const [from, to] = key.split('\0');
    return { from, to, style: violation ? 'violation' : 'normal', label: violation ? `${plural(count, 'import')}, not declared` : plural(count, 'import') };
  });
  for (const [name, component] of Object.entries(model.components)) {
    const required = new Set((component.requires ?? []).map((text) => parseRequirement(text)?.component).filter((to): to is string => to !== undefined && to !== name));
    for (const to of required) if (!actual.has(`${name}\0${to}`) && to in model.components) edges.push({ from: name, to, style: 'declared', label: 'requires, unused' });
  }
  const shown = focus === undefined ? undefined : new Set([...focus, ...edges.filter((edge) => focus.has(edge.from) || focus.has(edge.to)).flatMap((edge) => [edge.from, edge.to])]);
  const names = Object.keys(model.components).filter((name) => shown === undefined || shown.has(name));
  return {
    title: focus === undefined ? 'components' : 'components touched',
    nodes: names.map((name) => ({
      id: name,
      label: name,
      ...((model.filesOfComponent.get(name) ?? []).length === 0 ? { faded: true } : {}),
      ...(focus?.has(name) === true ? { focus: true } : {}),
    })),
    edges: edges
      .filter((edge) => shown === undefined || ((focus?.has(edge.from) === true || focus?.has(edge.to) === true) && shown.has(edge.from) && shown.has(edge.to)))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}
