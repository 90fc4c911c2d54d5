import { bindingNames } from './expression-shapes.js';
import type { FactsBuilder } from './facts-builder.js';
import type { ts } from '../../typescript/typescript-api.js';

const pending = new WeakMap<FactsBuilder, ts.ModuleDeclaration[]>();

/** `declare module './x' { ... }`: kept until pass 1 knows whether the file is a module. */
export function noteModuleAugmentation(builder: FactsBuilder, node: ts.ModuleDeclaration): void {
  let list = pending.get(builder);
  if (list === undefined) pending.set(builder, (list = []));
  list.push(node);
}

/**
 * In a module, `declare module './x' { interface Config { extra: boolean } }` augments x: it
 * uses x's `Config` (the merge needs it). In a script it declares an ambient module instead.
 */
export function recordModuleAugmentations(builder: FactsBuilder): void {
  const { ts } = builder;
  // A module by ES syntax, or by `import.meta` (which TypeScript's module detection counts too).
  if (builder.moduleKind === 'script' && !ts.isExternalModule(builder.sourceFile)) return;
  for (const node of pending.get(builder) ?? []) {
    if (!ts.isStringLiteral(node.name) || node.body === undefined || !ts.isModuleBlock(node.body)) continue;
    const usedNames = new Set<string>();
    for (const statement of node.body.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) for (const name of bindingNames(ts, declaration.name)) usedNames.add(name.text);
      } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement)
        || ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement))
        && statement.name !== undefined && ts.isIdentifier(statement.name)) {
        usedNames.add(statement.name.text);
      }
    }
    // Inside the block, names the file does not bind are the augmented module's own
    // (`interface Events extends Envelope` where x exports Envelope): uses of x's exports.
    for (const name of freeTypeNames(builder, node.body)) usedNames.add(name);
    builder.addImport({
      specifier: node.name.text, form: 'import-type', ...builder.positionOfNode(node.name), owner: -1, typeOnly: true, usedNames: [...usedNames].sort(),
    });
  }
}

/** Type names referenced in `block` that the file's module scope does not bind. */
function freeTypeNames(builder: FactsBuilder, block: ts.ModuleBlock): Set<string> {
  const { ts } = builder;
  const bound = new Set<string>([
    ...builder.declarations.filter((declaration) => declaration.parent === -1).map((declaration) => declaration.name),
    ...builder.importBindings.map((binding) => binding.local),
  ]);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    let name: ts.Node | undefined;
    if (ts.isTypeReferenceNode(node)) name = node.typeName;
    else if (ts.isExpressionWithTypeArguments(node)) name = node.expression;
    while (name !== undefined && (ts.isQualifiedName(name) || ts.isPropertyAccessExpression(name))) name = ts.isQualifiedName(name) ? name.left : name.expression;
    if (name !== undefined && ts.isIdentifier(name) && !bound.has(name.text)) names.add(name.text);
    ts.forEachChild(node, visit);
  };
  visit(block);
  return names;
}

/**
 * A file that only augments or declares ambient things (`declare global`, `declare module`,
 * `declare const`, plus types and imports): nothing imports it, the compiler includes it.
 */
export function isAmbientOnly(builder: FactsBuilder): boolean {
  const { ts } = builder;
  let ambient = false;
  for (const statement of builder.sourceFile.statements) {
    const isDeclare = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword);
    const isExported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (isDeclare && !isExported) {
      ambient = true;
    } else if (ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined
      && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.length === 0)) {
      continue;
    } else if (!(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) || isExported) {
      return false;
    }
  }
  return ambient;
}
