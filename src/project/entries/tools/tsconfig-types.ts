import { isRecord, valueAt } from './config-values.js';
import type { ToolReader } from './tool-config-reader.js';

/**
 * tsconfig `compilerOptions.types: ["node", "deno"]` loads `@types/node` and `@types/deno`
 * (`@scope/x` → `@types/scope__x`). knip passes the bare names on, and ignores `node`, `bun` and
 * `deno` as runtime names, so their `@types` packages looked unused. knip's TypeScript plugin
 * follows `extends` and `references`: each tsconfig of the chain comes here.
 */
export const tsconfigTypes: ToolReader = {
  plugin: 'typescript',
  fromConfig(config) {
    const types = valueAt(config, 'compilerOptions', 'types');
    if (!isRecord(config) || !Array.isArray(types)) return { files: [], packages: [] };
    const packages = types
      .filter((name): name is string => typeof name === 'string' && !name.startsWith('.') && !name.startsWith('/') && !name.startsWith('@types/'))
      .map((name) => `@types/${name.startsWith('@') ? name.slice(1).split('/').slice(0, 2).join('__') : name.split('/')[0]}`);
    return { files: [], packages };
  },
};
