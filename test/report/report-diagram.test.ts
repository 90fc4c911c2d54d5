import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, git } from '../support/git-repo.js';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

describe('the PR report draws the components a change touched', () => {
  test('a change in catalog: catalog highlighted with its neighbours; untouched pairs left out', async () => {
    const root = copyFixture('graph/shop');
    try {
      git(root, 'init', '-q', '-b', 'main');
      git(root, 'config', 'user.email', 'test@example.com');
      git(root, 'config', 'user.name', 'Test');
      commitAll(root, 'base');
      git(root, 'checkout', '-q', '-b', 'feature');
      writeFileSync(path.join(root, 'src/catalog/products.ts'), "import { formatPrice } from '../shared/money';\nimport { auditLog } from '../audit/log';\n\nexport interface Product {\n  name: string;\n  cents: number;\n}\n\nexport function listProducts(): Product[] {\n  auditLog.push('list');\n  return [{ name: formatPrice(100), cents: 100 }];\n}\n");
      const result = await runCli(['report', '--base', 'main', '--root', root]);
      expect(result.exitCode).toBe(0);
      const diagram = result.stdout.slice(result.stdout.indexOf('### Components touched'));
      expect(diagram).toBe([
        '### Components touched',
        '',
        'Imports between them; red: not allowed by the contracts, dashed: declared `requires` no import uses.',
        '',
        '```mermaid',
        'flowchart LR',
        '  n0["web"]',
        '  n1["catalog"]',
        '  n2["shared"]',
        '  n3["audit"]',
        '  n1 -->|"1 import"| n3',
        '  n1 -->|"1 import"| n2',
        '  n0 -->|"2 imports"| n1',
        '  style n1 fill:#ddf4ff,stroke-width:2px',
        '```',
        '',
        'Nothing to clean up.',
        '',
      ].join('\n'));
    } finally {
      removeTemp(root);
    }
  });

  test('no diagram without a git base', async () => {
    const root = copyFixture('graph/shop');
    try {
      const result = await runCli(['report', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toContain('```mermaid');
    } finally {
      removeTemp(root);
    }
  });
});
