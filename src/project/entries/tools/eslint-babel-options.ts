import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { propertyName, propertyValue, stringValue, walk } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/**
 * The Babel plugins and presets an ESLint config hands to @babel/eslint-parser
 * (`parserOptions: { babelOptions: { plugins: [['@babel/plugin-proposal-decorators', {...}]] } }`):
 * the parser loads them by name. knip's ESLint plugin does not read `babelOptions`.
 */
export const eslintBabelOptions: ToolReader = {
  plugin: 'eslint',
  fromSyntax(program): ConfigMentions {
    const packages: string[] = [];
    for (const node of walk(program)) {
      if (node.type !== 'Property' || propertyName(node) !== 'babelOptions') continue;
      for (const key of ['plugins', 'presets']) {
        const list = propertyValue(node.value, key) as { type?: string; elements?: unknown[] } | undefined;
        if (list?.type !== 'ArrayExpression') continue;
        for (const element of list.elements ?? []) {
          // `'name'` or `['name', options]`.
          const item = element as { type?: string; elements?: unknown[] } | undefined;
          const name = item?.type === 'ArrayExpression' ? stringValue(item.elements?.[0]) : stringValue(item);
          if (name !== undefined && isBareSpecifier(name)) packages.push(packageNameOf(name));
        }
      }
    }
    return { files: [], packages };
  },
};
