import { expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

test('a tsconfig paths wildcard that names no file falls back to an installed package; a miss nothing explains is unresolved', async () => {
  await withTempProject({
    'package.json': '{ "name": "mono", "type": "module", "main": "src/index.ts" }',
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@scope/*": ["packages/*/src"] } } }',
    'packages/core/src/index.ts': 'export const core = 1;\n',
    'node_modules/@scope/installed/package.json': '{ "name": "@scope/installed", "main": "index.js" }',
    'node_modules/@scope/installed/index.js': 'module.exports = {};\n',
    'src/index.ts': "import { core } from '@scope/core';\nimport installed from '@scope/installed';\nimport missing from '@scope/missing';\nconsole.log(core, installed, missing);\n",
  }, async (root) => {
    const result = await runCli(['validate', '--root', root, '--reporter', 'json']);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ rule: string; symbol: string }> }).findings;
    expect(findings.map((finding) => `${finding.rule} ${finding.symbol}`)).toEqual(['unresolved-import @scope/missing']);
  });
});
