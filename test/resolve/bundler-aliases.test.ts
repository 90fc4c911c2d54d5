import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundlerAliasTargets, type BundlerAlias } from '../../src/resolve/bundler-aliases.js';

const root = '/project';
const aliases: BundlerAlias[] = [
  { workspaceDir: '', pattern: 'Ui', targets: ['/project/src/ui'] },
  { workspaceDir: '', pattern: 'Ui/*', targets: ['/project/src/ui/*'] },
  { workspaceDir: '', pattern: 'Ui/icons/*', targets: ['/project/assets/icons/*'] },
  { workspaceDir: 'packages/web', pattern: '$lib/*', targets: ['/project/packages/web/src/lib/*'] },
];

describe('bundler aliases', () => {
  test('an exact alias, and the longest matching prefix of a pattern', () => {
    expect(bundlerAliasTargets(aliases, root, '/project/src', 'Ui')).toEqual(['/project/src/ui']);
    expect(bundlerAliasTargets(aliases, root, '/project/src', 'Ui/button')).toEqual(['/project/src/ui/button']);
    expect(bundlerAliasTargets(aliases, root, '/project/src', 'Ui/icons/star')).toEqual(['/project/assets/icons/star']);
    expect(bundlerAliasTargets(aliases, root, '/project/src', 'Uix/button')).toEqual([]);
  });

  test('the innermost workspace with aliases decides; another workspace\'s aliases do not apply', () => {
    expect(bundlerAliasTargets(aliases, root, path.join(root, 'packages/web/src/routes'), '$lib/db')).toEqual(['/project/packages/web/src/lib/db']);
    expect(bundlerAliasTargets(aliases, root, path.join(root, 'packages/web/src'), 'Ui/button')).toEqual([]);
    expect(bundlerAliasTargets(aliases, root, '/project/src', '$lib/db')).toEqual([]);
  });
});
