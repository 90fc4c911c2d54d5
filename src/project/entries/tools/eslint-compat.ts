import { findCalls, importedNames, propertyValue, stringElements, walk } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';
import { packageNameOf } from '../../../manifests/package-json.js';

/**
 * ESLint flat configs that reuse legacy configs through @eslint/eslintrc's FlatCompat:
 * `compat.extends('plugin:prettier/recommended')`, `compat.plugins('react')`,
 * `compat.config({ extends, plugins })`. The strings name packages by ESLint's legacy naming
 * (knip reads these only in .eslintrc files); `plugin:prettier/recommended` also loads
 * eslint-config-prettier.
 */
export const eslintCompat: ToolReader = {
  plugin: 'eslint',
  fromSyntax(program): ConfigMentions {
    const compatClasses = importedNames(program, '@eslint/eslintrc', ['FlatCompat']);
    const instances = new Set<string>();
    for (const node of walk(program)) {
      const init = node.init as { type?: string; callee?: { type?: string; name?: string } } | undefined;
      const id = node.id as { type?: string; name?: string } | undefined;
      if (node.type === 'VariableDeclarator' && init?.type === 'NewExpression' && compatClasses.has(init.callee?.name ?? '') && typeof id?.name === 'string') instances.add(id.name);
    }
    const packages: string[] = [];
    for (const call of findCalls(program, new Set(['extends', 'plugins', 'config']), true)) {
      if (call.object === undefined || !instances.has(call.object)) continue;
      if (call.name === 'extends') packages.push(...call.arguments.flatMap(stringElements).flatMap(extendsPackages));
      if (call.name === 'plugins') packages.push(...call.arguments.flatMap(stringElements).map(pluginPackage));
      if (call.name === 'config') {
        packages.push(...stringElements(propertyValue(call.arguments[0], 'extends')).flatMap(extendsPackages));
        packages.push(...stringElements(propertyValue(call.arguments[0], 'plugins')).map(pluginPackage));
      }
    }
    return { files: [], packages };
  },
};

/** The packages a legacy `extends` string loads (`plugin:x/y` → eslint-plugin-x, `x` → eslint-config-x). */
export function extendsPackages(specifier: string): string[] {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('eslint:')) return [];
  if (specifier.startsWith('plugin:')) {
    const rest = specifier.slice('plugin:'.length);
    const plugin = pluginPackage(rest.slice(0, Math.max(rest.lastIndexOf('/'), 0)) || rest);
    return plugin === 'eslint-plugin-prettier' ? [plugin, 'eslint-config-prettier'] : [plugin];
  }
  return [configPackage(specifier)];
}

/** ESLint's legacy plugin naming: `x` → eslint-plugin-x, `@s` → @s/eslint-plugin, `@s/x` → @s/eslint-plugin-x. */
export function pluginPackage(name: string): string {
  return prefixed(name, 'eslint-plugin');
}

export function configPackage(specifier: string): string {
  return prefixed(packageNameOf(specifier), 'eslint-config');
}

function prefixed(name: string, prefix: string): string {
  if (name.startsWith('@')) {
    const [scope, bare] = name.split('/');
    if (bare === undefined || bare === '') return `${scope}/${prefix}`;
    return bare.startsWith(prefix) ? name : `${scope}/${prefix}-${bare}`;
  }
  return name.startsWith(`${prefix}-`) ? name : `${prefix}-${name}`;
}
