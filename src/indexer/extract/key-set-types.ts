import type { ts } from '../../typescript/typescript-api.js';

/**
 * The type names a type uses as a set of keys: the constraint of a mapped type (`[K in E]`) and
 * the first argument of `Record<E, V>`, and the parts of a template literal type (`\`${E}\``). When such a name is an enum, every member becomes a
 * key the code must supply, so every member is used (a parameter typed `E` uses none by itself).
 */
export function keySetNames(typescript: typeof ts, node: ts.Node, isLocalName: (name: string) => boolean): ts.EntityName[] {
  if (typescript.isMappedTypeNode(node)) return namesInUnion(typescript, node.typeParameter.constraint);
  // `\`${E}\`` spells every member's value: a union the code may be handed any of.
  if (typescript.isTemplateLiteralTypeNode(node)) return node.templateSpans.flatMap((span) => namesInUnion(typescript, span.type));
  if (typescript.isTypeReferenceNode(node) && typescript.isIdentifier(node.typeName) && node.typeName.text === 'Record'
    && !isLocalName('Record')) {
    return namesInUnion(typescript, node.typeArguments?.[0]);
  }
  return [];
}

function namesInUnion(typescript: typeof ts, node: ts.TypeNode | undefined): ts.EntityName[] {
  if (node === undefined) return [];
  if (typescript.isParenthesizedTypeNode(node)) return namesInUnion(typescript, node.type);
  if (typescript.isUnionTypeNode(node)) return node.types.flatMap((member) => namesInUnion(typescript, member));
  if (typescript.isTypeReferenceNode(node) && node.typeArguments === undefined) return [node.typeName];
  return [];
}
