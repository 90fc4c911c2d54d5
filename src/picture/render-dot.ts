import type { EdgeStyle, Picture } from './picture.js';

const EDGE_ATTRIBUTES: Record<EdgeStyle, string> = {
  normal: '',
  violation: 'color="#d1242f", fontcolor="#d1242f", penwidth=2',
  declared: 'style=dashed, color="#8c959f"',
  weak: 'style=dotted',
};

/** Graphviz DOT: groups as clusters, violations red, declared-but-unused requires dashed. */
export function renderDot(picture: Picture): string {
  const lines = [`digraph ${quote(picture.title)} {`, '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  const groups = new Map<string | undefined, typeof picture.nodes>();
  for (const node of picture.nodes) groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  let cluster = 0;
  for (const [group, nodes] of groups) {
    const indent = group === undefined ? '  ' : '    ';
    if (group !== undefined) lines.push(`  subgraph cluster_${cluster++} {`, `    label=${quote(group)};`, '    style=rounded; color="#8c959f";');
    for (const node of nodes) {
      const attributes = [`label=${quote(node.label)}`];
      if (node.faded === true) attributes.push('fontcolor="#8c959f"', 'color="#8c959f"');
      if (node.focus === true) attributes.push('fillcolor="#ddf4ff"', 'penwidth=2');
      lines.push(`${indent}${quote(node.id)} [${attributes.join(', ')}];`);
    }
    if (group !== undefined) lines.push('  }');
  }
  for (const edge of picture.edges) {
    const attributes = [EDGE_ATTRIBUTES[edge.style], edge.label === undefined ? '' : `label=${quote(edge.label)}`].filter((text) => text !== '');
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${attributes.length === 0 ? '' : ` [${attributes.join(', ')}]`};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
