import { DeclarationFlag } from '../facts.js';
import { addDeclaration, addExport } from './declaration-facts.js';
import type { ScopeRecorder } from './scope-recorder.js';
import type { ts } from '../../typescript/typescript-api.js';

/**
 * JSDoc `@typedef {…} Name` and `@callback Name` at the top level of a JavaScript file declare
 * types; in a module (ESM or CommonJS) TypeScript exports them, so `import('./types.js').Name`
 * and `@import { Name } from './types.js'` use them. A file of only typedefs (`export {}`) is
 * how JavaScript projects share types: without these, its users would not keep it.
 */
export function collectJsDocTypedefs(scope: ScopeRecorder): void {
  const { builder } = scope;
  const { ts, sourceFile } = builder;
  const exported = builder.moduleKind !== 'script';
  for (const holder of [...sourceFile.statements, sourceFile.endOfFileToken]) {
    for (const doc of (holder as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      for (const tag of doc.tags ?? []) {
        if (!ts.isJSDocTypedefTag(tag) && !ts.isJSDocCallbackTag(tag)) continue;
        const nameNode = tag.name;
        if (nameNode === undefined || !ts.isIdentifier(nameNode) || scope.names.has(nameNode.text)) continue;
        const name = nameNode.text;
        const index = addDeclaration(builder, tag, nameNode, name, 'type', -1, exported ? DeclarationFlag.Exported : 0);
        scope.topLevelByName.set(name, index);
        scope.names.add(name);
        // What its type names is used by the typedef, not by the statement the comment is on.
        scope.ownerOfNode.set(tag, index);
        if (exported) addExport(builder, name, nameNode, { declaration: index, public: false, typeOnly: true });
      }
    }
  }
}
