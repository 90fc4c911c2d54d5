import { describe, expect, test } from 'vitest';
import { commandTargets } from '../../src/project/entries/command-targets.js';

describe('commandTargets: the files a shell command runs', () => {
  test.each([
    ['node scripts/build.mjs', ['scripts/build.mjs']],
    ['tsx src/cli.ts --flag', ['src/cli.ts']],
    ['NODE_ENV=production node --import ./register.mjs server', ['register.mjs', 'server']],
    ['npx cross-env FOO=1 ts-node tools/seed.ts', ['tools/seed.ts']],
    ['pnpm exec vite-node ./codegen/gen.ts --out x', ['codegen/gen.ts']],
    ['esno ./tasks', ['tasks']],
    ['bun run bin/cli.ts', ['bin/cli.ts']],
    ['tsx watch src/dev.ts', ['src/dev.ts']],
    ['node -r ./hooks.cjs main.js', ['hooks.cjs', 'main.js']],
    ['rimraf dist && node ./scripts/post.js || echo failed', ['scripts/post.js']],
    ['jest --setupFiles ./test/setup.ts', ['test/setup.ts']],
    ['eslint . && prettier --check .', []],
    ['node -e "console.log(1)"', []],
    ['node -e "require(\'./scripts/seed\').run()" extra.js', ['scripts/seed']],
    ['node --input-type=module --eval "await import(\'../tools/gen.mjs\')"', ['../tools/gen.mjs']],
    ['node -p "require(\'./package.json\').version + require(\'lodash\').VERSION"', ['package.json']],
    ['node tasks/put.mjs billing.ts src/billing/index.ts', ['tasks/put.mjs']],
    ['c8 node test/run.mjs', ['test/run.mjs']],
  ])('%s', (command, expected) => {
    expect(commandTargets(command)).toEqual(expected);
  });

  test('an `orch-guard run` task: only the scripts it runs, not the files it names (mostly what it writes)', () => {
    expect(commandTargets('node tasks/put.mjs billing.ts src/billing/index.ts && tsx ./gen.ts out/api.ts', { scriptsOnly: true })).toEqual(['tasks/put.mjs', 'gen.ts']);
  });
});
