import path from 'node:path';
import { expect, test } from 'vitest';
import { readWorkflowCommands } from '../../src/project/entries/workflow-commands.js';
import { withTempProject } from '../support/temp-project.js';

test('readWorkflowCommands: single-line and block run: lines, with working-directory', async () => {
  const workflow = [
    'jobs:',
    '  build:',
    '    steps:',
    '      - run: node tools/a.mjs',
    '      - name: block',
    '        run: |',
    '          echo one',
    '          tsx tools/b.ts',
    '      - run: node c.mjs',
    '        working-directory: site',
    '      - uses: actions/setup-node@v4',
    '',
  ].join('\n');
  await withTempProject({ '.github/workflows/ci.yml': workflow, '.github/workflows/notes.txt': 'run: node no.mjs' }, async (root) => {
    expect(readWorkflowCommands(root)).toEqual([
      { file: '.github/workflows/ci.yml', dir: root, command: 'node tools/a.mjs' },
      { file: '.github/workflows/ci.yml', dir: root, command: 'echo one\ntsx tools/b.ts' },
      { file: '.github/workflows/ci.yml', dir: path.join(root, 'site'), command: 'node c.mjs' },
    ]);
  });
});
