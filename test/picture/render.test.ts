import { describe, expect, test } from 'vitest';
import type { Picture } from '../../src/picture/picture.js';
import { renderDot } from '../../src/picture/render-dot.js';
import { renderMermaid } from '../../src/picture/render-mermaid.js';

const picture: Picture = {
  title: 'a "quoted" title',
  nodes: [
    { id: 'src/a.ts', label: 'src/a.ts', group: 'core' },
    { id: 'src/b.ts', label: 'src/<b> & "c".ts', faded: true },
  ],
  edges: [
    { from: 'src/a.ts', to: 'src/b.ts', style: 'weak' },
    { from: 'src/b.ts', to: 'src/a.ts', style: 'violation', label: 'back' },
  ],
};

describe('renderers draw the same picture', () => {
  test('DOT quotes names, clusters groups, styles edges', () => {
    expect(renderDot(picture)).toBe([
      'digraph "a \\"quoted\\" title" {',
      '  rankdir=LR;',
      '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11];',
      '  edge [fontname="Helvetica", fontsize=9];',
      '  subgraph cluster_0 {',
      '    label="core";',
      '    style=rounded; color="#8c959f";',
      '    "src/a.ts" [label="src/a.ts"];',
      '  }',
      '  "src/b.ts" [label="src/<b> & \\"c\\".ts", fontcolor="#8c959f", color="#8c959f"];',
      '  "src/a.ts" -> "src/b.ts" [style=dotted];',
      '  "src/b.ts" -> "src/a.ts" [color="#d1242f", fontcolor="#d1242f", penwidth=2, label="back"];',
      '}',
      '',
    ].join('\n'));
  });

  test('Mermaid uses generated ids and entity-escapes labels, so code cannot break out', () => {
    expect(renderMermaid(picture)).toBe([
      'flowchart LR',
      '  subgraph g0["core"]',
      '    n0["src/a.ts"]',
      '  end',
      '  n1["src/#60;b#62; #38; #34;c#34;.ts"]',
      '  n0 -.-> n1',
      '  n1 -->|"back"| n0',
      '  linkStyle 1 stroke:#d1242f,stroke-width:2px,color:#d1242f',
      '  style n1 color:#8c959f,stroke:#8c959f',
      '',
    ].join('\n'));
  });
});
