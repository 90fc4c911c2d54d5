import type { Picture } from './picture.js';

/**
 * A Mermaid flowchart (GitHub renders it in markdown): groups as subgraphs, violations red,
 * declared-but-unused requires dashed. Ids are generated, labels quoted, so nothing taken
 * from the code can break out of the diagram.
 */
export function renderMermaid(picture: Picture): string {
  const ids = new Map(picture.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart LR'];
  const groups = new Map<string | undefined, typeof picture.nodes>();
  for (const node of picture.nodes) groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  let subgraph = 0;
  for (const [group, nodes] of groups) {
    if (group !== undefined) lines.push(`  subgraph g${subgraph++}["${label(group)}"]`);
    for (const node of nodes) lines.push(`${group === undefined ? '  ' : '    '}${ids.get(node.id)}["${label(node.label)}"]`);
    if (group !== undefined) lines.push('  end');
  }
  const styled: Array<[number, string]> = [];
  picture.edges.forEach((edge, index) => {
    const arrow = edge.style === 'declared' || edge.style === 'weak' ? '-.->' : '-->';
    const text = edge.label === undefined ? '' : `|"${label(edge.label)}"|`;
    lines.push(`  ${ids.get(edge.from)} ${arrow}${text} ${ids.get(edge.to)}`);
    if (edge.style === 'violation') styled.push([index, 'stroke:#d1242f,stroke-width:2px,color:#d1242f']);
    if (edge.style === 'declared') styled.push([index, 'stroke:#8c959f']);
  });
  for (const [index, style] of styled) lines.push(`  linkStyle ${index} ${style}`);
  for (const node of picture.nodes) {
    if (node.faded === true) lines.push(`  style ${ids.get(node.id)} color:#8c959f,stroke:#8c959f`);
    if (node.focus === true) lines.push(`  style ${ids.get(node.id)} fill:#ddf4ff,stroke-width:2px`);
  }
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels are quoted; quotes and markup inside become character entities. */
function label(text: string): string {
  return text.replace(/[&"<>#`]/g, (char) => `#${char.charCodeAt(0)};`);
}
