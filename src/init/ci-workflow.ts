import type { PackageManager } from '../cleanup/package-manager.js';

const INSTALL: Record<PackageManager, string[]> = {
  npm: ['      - run: npm ci'],
  pnpm: ['      - uses: pnpm/action-setup@v4', '      - run: pnpm install --frozen-lockfile'],
  yarn: ['      - run: yarn install --immutable'],
  bun: ['      - uses: oven-sh/setup-bun@v2', '      - run: bun install --frozen-lockfile'],
};

/** A GitHub Actions workflow: validate with annotations and SARIF, the gate, on every push and pull request. */
export function ciWorkflow(manager: PackageManager | undefined): string {
  const run = manager === 'pnpm' ? 'pnpm exec' : manager === 'yarn' ? 'yarn' : manager === 'bun' ? 'bunx' : 'npx';
  return [
    'name: orch-guard',
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  orch-guard:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with: { fetch-depth: 0 }',
    '      - uses: actions/setup-node@v4',
    '        with: { node-version: 20 }',
    ...INSTALL[manager ?? 'npm'],
    `      - run: ${run} orch-guard validate --reporter github`,
    `      - run: ${run} orch-guard gate validate`,
    '',
  ].join('\n');
}
