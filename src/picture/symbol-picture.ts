import type { Picture, PictureEdge, PictureNode } from './picture.js';

/** A level of callers or callees as the `usage` query returns them. */
interface NeighbourTree {
  label: string;
  live: boolean;
  children: NeighbourTree[];
}

/**
 * The neighbourhood of one symbol or file: its callers (edges into it) and callees (edges out),
 * as many levels deep as the usage query went. Dead neighbours are greyed.
 */
export function symbolPicture(target: string, neighbours: { callers: NeighbourTree[]; callees: NeighbourTree[] }): Picture {
  const nodes = new Map<string, PictureNode>([[target, { id: target, label: target, focus: true }]]);
  const edges = new Map<string, PictureEdge>();
  const walk = (trees: NeighbourTree[], parent: string, direction: 'in' | 'out') => {
    for (const tree of trees) {
      if (!nodes.has(tree.label)) nodes.set(tree.label, { id: tree.label, label: tree.label, ...(tree.live ? {} : { faded: true }) });
      const [from, to] = direction === 'in' ? [tree.label, parent] : [parent, tree.label];
      edges.set(`${from}\0${to}`, { from, to, style: 'normal' });
      walk(tree.children, tree.label, direction);
    }
  };
  walk(neighbours.callers, target, 'in');
  walk(neighbours.callees, target, 'out');
  return { title: target, nodes: [...nodes.values()], edges: [...edges.values()] };
}
