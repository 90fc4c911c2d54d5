/**
 * A picture of part of the graph, independent of the output format: the DOT, SVG and Mermaid
 * renderers all draw the same nodes and edges.
 */
export interface Picture {
  title: string;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

export interface PictureNode {
  id: string;
  label: string;
  /** Nodes with the same group are drawn together (files of one component). */
  group?: string;
  /** Drawn greyed: dead code, a component no file belongs to. */
  faded?: boolean;
  /** Drawn highlighted: the symbol a neighbourhood is centred on. */
  focus?: boolean;
}

/**
 * `violation`: drawn red (an import a contract does not allow, an import in a cycle);
 * `declared`: a declared `requires` that no import uses, dashed; `weak`: a type-only or dynamic import (nothing loads at load time), dotted.
 */
export type EdgeStyle = 'normal' | 'violation' | 'declared' | 'weak';

export interface PictureEdge {
  from: string;
  to: string;
  style: EdgeStyle;
  label?: string;
}
