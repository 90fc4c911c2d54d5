import { type DeclarationKind, DeclarationFlag } from '../facts.js';
import { hasInternalTag, hasPublicTag } from './comments.js';
import type { FactsBuilder } from './facts-builder.js';
import { signatureText } from './signatures.js';
import { fingerprintBody } from './body-fingerprint.js';
import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

// Facts of one declaration or export, shared by the module-scope collectors of every module system.

export function addDeclaration(
  builder: FactsBuilder,
  node: ts.Node,
  nameNode: ts.Node,
  name: string,
  kind: DeclarationKind,
  parent: number,
  flags: number,
): number {
  const { ts, sourceFile } = builder;
  const position = builder.positionOfNode(nameNode);
  const start = node.getStart(sourceFile);
  const index = builder.addDeclaration({
    name,
    kind,
    line: position.line,
    column: position.column,
    endLine: builder.position(node.end).line,
    start,
    end: node.end,
    parent,
    flags: flags | (sourceFile.isDeclarationFile ? DeclarationFlag.Ambient : 0),
  });
  const fact = builder.declarations[index];
  if (kind !== 'enum-member' && kind !== 'property') fact.signature = signatureText(ts, sourceFile, node);
  addBodyHash(builder, fact, node);
  return index;
}

export function addBodyHash(builder: FactsBuilder, fact: { bodyHash?: string; bodySize?: number; bodySketch?: string }, node: ts.Node): void {
  const fingerprint = fingerprintBody(builder.ts, node);
  if (fingerprint === undefined) return;
  fact.bodyHash = fingerprint.hash;
  fact.bodySize = fingerprint.size;
  if (fingerprint.sketch !== undefined) fact.bodySketch = fingerprint.sketch;
}

export function addExport(
  builder: FactsBuilder,
  name: string,
  at: ts.Node,
  target: { declaration?: number; local?: string; importIndex?: number; importedName?: string; public: boolean; typeOnly?: boolean; alias?: boolean },
): void {
  builder.exports.push({
    name,
    ...builder.positionOfNode(at),
    ...(target.declaration !== undefined ? { declaration: target.declaration } : {}),
    ...(target.local !== undefined ? { local: target.local } : {}),
    ...(target.importIndex !== undefined ? { importIndex: target.importIndex, importedName: target.importedName } : {}),
    typeOnly: target.typeOnly ?? false,
    public: target.public,
    ...(target.alias === true ? { alias: true } : {}),
  });
}

/** The exporting statement's JSDoc says `@alias`: a second name kept on purpose. */
export function isAliasStatement(builder: FactsBuilder, node: ts.Node): boolean {
  const leading = builder.text.slice(node.pos, node.getStart(builder.sourceFile));
  return leading.includes('@alias') && /\/\*\*[\s\S]*?@alias\b[\s\S]*?\*\//.test(leading);
}

export function modifierFlags(builder: FactsBuilder, node: ts.Node): number {
  const { ts } = builder;
  let flags = 0;
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  for (const modifier of modifiers ?? []) {
    if (modifier.kind === ts.SyntaxKind.ExportKeyword) flags |= DeclarationFlag.Exported;
    else if (modifier.kind === ts.SyntaxKind.DefaultKeyword) flags |= DeclarationFlag.Default;
    else if (modifier.kind === ts.SyntaxKind.DeclareKeyword) flags |= DeclarationFlag.Ambient;
  }
  return flags;
}

export function hasDecorators(ts: TypeScriptApi, node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

/** The statement carries a `@ts-expect-error`, before it or inside it: a compile-time check. */
export function isTypeAssertionStatement(builder: FactsBuilder, node: ts.Node): boolean {
  return builder.text.slice(node.pos, node.end).includes('@ts-expect-error');
}

/** The statement's JSDoc says `@internal`. */
export function isInternalStatement(builder: FactsBuilder, node: ts.Node): boolean {
  const leading = builder.text.slice(node.pos, node.getStart(builder.sourceFile));
  return leading.includes('@internal') && hasInternalTag(leading);
}

/** JSDoc `@public` (or `@beta`, `@alpha`) in the comments before the statement. */
export function isPublicStatement(builder: FactsBuilder, node: ts.Node): boolean {
  const leading = builder.text.slice(node.pos, node.getStart(builder.sourceFile));
  return /@(?:public|beta|alpha)\b/.test(leading) && hasPublicTag(leading);
}
