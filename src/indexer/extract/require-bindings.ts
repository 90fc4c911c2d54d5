import { bindingNames, staticPropertyName, unwrapExpression } from './expression-shapes.js';
import { addDeclaration, addExport } from './declaration-facts.js';
import { DeclarationFlag } from '../facts.js';
import { loadInInitializer, type ModuleLoadCall, promiseAllLoads } from './module-load-call.js';
import type { FactsBuilder } from './facts-builder.js';
import type { ScopeRecorder } from './scope-recorder.js';
import type { ts } from '../../typescript/typescript-api.js';

/**
 * Top-level `const x = require('m')`, `const { a } = require('m')`, `const m = await import('m')`
 * and `const a = require('m').a` bind names like imports do.
 */
export function collectModuleLoadBinding(scope: ScopeRecorder, declaration: ts.VariableDeclaration, modifiers: number): boolean {
  const { builder } = scope;
  const { ts } = builder;
  if (declaration.initializer === undefined) return false;
  const all = promiseAllLoads(ts, declaration, { sourceFile: builder.sourceFile });
  if (all !== undefined) {
    // `const [a, b] = await Promise.all([import('./a'), import('./b')])`: a namespace binding each.
    for (const { load, name } of all) {
      const importIndex = addLoadImport(builder, load);
      if (name === undefined) continue;
      builder.importBindings.push({ local: name.text, importIndex, imported: '*', typeOnly: false });
      scope.names.add(name.text);
      if ((modifiers & DeclarationFlag.Exported) !== 0) addExport(builder, name.text, name, { local: name.text, public: false });
    }
    scope.consumedInitializers.add(declaration);
    return true;
  }
  const found = loadInInitializer(ts, declaration.initializer, { sourceFile: builder.sourceFile });
  if (found === undefined) return false;
  const { load, member } = found;
  // `const p = import('m')` holds a promise, not the module: pass 2 follows how `p` is used.
  if (load.form === 'dynamic' && member === undefined && load.call === unwrapExpression(ts, declaration.initializer)) return false;
  const importIndex = addLoadImport(builder, load);
  scope.consumedInitializers.add(declaration);
  const bind = (local: ts.Identifier, imported: string) => {
    builder.importBindings.push({ local: local.text, importIndex, imported, typeOnly: false });
    scope.names.add(local.text);
    if ((modifiers & DeclarationFlag.Exported) !== 0) {
      addExport(builder, local.text, local, { local: local.text, public: false });
    }
  };
  if (ts.isIdentifier(declaration.name)) {
    bind(declaration.name, member ?? '*');
    return true;
  }
  if (ts.isObjectBindingPattern(declaration.name) && member === undefined) {
    for (const element of declaration.name.elements) {
      if (element.dotDotDotToken !== undefined || !ts.isIdentifier(element.name)) {
        // `...rest` or a nested pattern: treat every export as used.
        builder.imports[importIndex].whole = true;
        for (const name of bindingNames(ts, element.name)) {
          const index = addDeclaration(builder, element, name, name.text, 'variable', -1, 0);
          scope.topLevelByName.set(name.text, index);
          scope.names.add(name.text);
        }
        continue;
      }
      bind(element.name, staticPropertyName(ts, element.propertyName) ?? element.name.text);
    }
    return true;
  }
  builder.imports[importIndex].whole = true;
  scope.consumedInitializers.delete(declaration);
  return false;
}

/** A module-scope load as an import of this file. */
function addLoadImport(builder: FactsBuilder, load: ModuleLoadCall): number {
  return builder.addImport({
    specifier: load.specifier, form: load.form, ...builder.positionOfNode(load.call), owner: -1, typeOnly: false,
    ...(load.pattern === true ? { pattern: true } : {}),
  });
}
