// orch-guard-ignore-file unlisted-binary -- `dot` is Graphviz, a system tool, not a package
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

const hasGraphviz = spawnSync('dot', ['-V']).status === 0;

async function graph(args: string[], env: Record<string, string> = {}) {
  const root = copyFixture('graph/shop');
  try {
    return await runCli(['graph', '--root', root, ...args], { env });
  } finally {
    removeTemp(root);
  }
}

describe('orch-guard graph', () => {
  test('components as Mermaid: actual imports counted, the undeclared one red, the unused requires dashed', async () => {
    const result = await graph(['--format', 'mermaid']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      'flowchart LR',
      '  n0["web"]',
      '  n1["catalog"]',
      '  n2["shared"]',
      '  n3["audit"]',
      '  n1 -.->|"requires, unused"| n3',
      '  n1 -->|"1 import"| n2',
      '  n0 -->|"2 imports"| n1',
      '  n0 -->|"1 import, not declared"| n2',
      '  linkStyle 0 stroke:#8c959f',
      '  linkStyle 3 stroke:#d1242f,stroke-width:2px,color:#d1242f',
      '',
    ].join('\n'));
  });

  test('files as DOT: clusters per component, the dead file greyed, the violating import red', async () => {
    const result = await graph(['--level', 'files']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('subgraph cluster_0 {\n    label="audit";');
    expect(result.stdout).toContain('"src/audit/log.ts" [label="src/audit/log.ts", fontcolor="#8c959f", color="#8c959f"];');
    expect(result.stdout).toContain('"src/web/index.ts" -> "src/shared/money.ts" [color="#d1242f", fontcolor="#d1242f", penwidth=2];');
    expect(result.stdout).toContain('"src/web/index.ts" -> "src/catalog/products.ts";\n');
  });

  test('the neighbourhood of one symbol: its callers and callees, the symbol highlighted', async () => {
    const result = await graph(['--symbol', 'formatPrice', '--format', 'mermaid']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      'flowchart LR',
      '  n0["src/shared/money.ts#35;formatPrice"]',
      '  n1["src/catalog/products.ts#35;listProducts"]',
      '  n2["src/web/index.ts (top level)"]',
      '  n1 --> n0',
      '  n2 --> n0',
      '  style n0 fill:#ddf4ff,stroke-width:2px',
      '',
    ].join('\n'));
  });

  test('without Graphviz, --format svg says so in one line and exits 2', async () => {
    const result = await graph(['--format', 'svg'], { ORCH_GUARD_DOT: 'no-such-dot-binary' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('orch-guard: --format svg needs Graphviz (`dot` on PATH; apt-get install graphviz or brew install graphviz): or use --format dot or --format mermaid\n');
  });

  test.runIf(hasGraphviz)('with Graphviz, --output x.svg writes an SVG', async () => {
    const root = copyFixture('graph/shop');
    try {
      const result = await runCli(['graph', '--root', root, '--output', path.join(root, 'components.svg')]);
      expect(result.exitCode).toBe(0);
      const svg = readFileSync(path.join(root, 'components.svg'), 'utf8');
      expect(svg).toContain('<svg');
      expect(svg).toContain('not declared');
    } finally {
      removeTemp(root);
    }
  });

  test('usage errors: components without components declared, a bad level', async () => {
    const root = copyFixture('circular-import/two-files');
    try {
      const none = await runCli(['graph', '--root', root, '--level', 'components']);
      expect(none.exitCode).toBe(2);
      expect(none.stderr).toBe('orch-guard: graph --level components: the config declares no components (see `components` in orch.config.ts)\n');
    } finally {
      removeTemp(root);
    }
    const bad = await graph(['--level', 'modules']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('orch-guard: --level modules: expected files or components\n');
  });
});
