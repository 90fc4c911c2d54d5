import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';
import { unwrapAwait } from './expression-shapes.js';

/**
 * `require('m')` or `import('m')`. A template literal or concatenation with a static relative
 * prefix (`import(\`./locales/${lang}.ts\`)`) gives a pattern with `*` for the unknown parts.
 */
export function moduleLoadCall(ts: TypeScriptApi, node: ts.Node):
  { specifier: string; form: 'require' | 'dynamic'; call: ts.CallExpression; pattern?: boolean } | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1;
  if (!isImport && !isRequire) return undefined;
  const argument = node.arguments[0];
  let specifier: string | undefined;
  let pattern = false;
  if (ts.isStringLiteralLike(argument)) {
    specifier = argument.text;
  } else {
    specifier = specifierPattern(ts, argument);
    pattern = specifier !== undefined;
  }
  if (specifier === undefined) return undefined;
  return { specifier, form: isImport ? 'dynamic' : 'require', call: node, ...(pattern ? { pattern } : {}) };
}

/** `\`./a/${x}.ts\`` or `'./a/' + x + '.ts'` as `./a/*.ts`, when the start is a relative path. */
function specifierPattern(ts: TypeScriptApi, node: ts.Expression): string | undefined {
  const parts: string[] = [];
  const collect = (current: ts.Expression): void => {
    if (ts.isStringLiteralLike(current)) parts.push(current.text);
    else if (ts.isTemplateExpression(current)) {
      parts.push(current.head.text);
      for (const span of current.templateSpans) parts.push('*', span.literal.text);
    } else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      collect(current.left);
      collect(current.right);
    } else if (ts.isParenthesizedExpression(current)) collect(current.expression);
    else parts.push('*');
  };
  collect(node);
  const pattern = parts.join('').replace(/\*+/g, '*');
  return /^\.\.?\/[^*]/.test(pattern) && pattern.includes('*') ? pattern : undefined;
}

/**
 * The module load a variable is initialised with: `require('m')`, `await import('m')`, or one
 * member of it (`require('m').a`, which gives `member`).
 */
export function loadInInitializer(ts: TypeScriptApi, initializer: ts.Expression):
  { load: NonNullable<ReturnType<typeof moduleLoadCall>>; member?: string } | undefined {
  let expression = unwrapAwait(ts, initializer);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    member = expression.name.text;
    expression = unwrapAwait(ts, expression.expression);
  }
  const load = moduleLoadCall(ts, expression);
  if (load === undefined) return undefined;
  return member === undefined ? { load } : { load, member };
}
