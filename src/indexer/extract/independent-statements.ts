import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Longer runs are ordered in chunks: the greedy order below is quadratic per step. */
const MAX_RUN = 32;

interface Footprint {
  reads: Set<string>;
  writes: Set<string>;
}

/**
 * The statements of a block in a canonical order, so that two copies that only reorder
 * independent statements print the same. Only declarations (`const a = f(x)`) and assignments
 * (`this.a = b`, `x += 1`) move; any other statement is a fixed point. Two of them depend on
 * each other when one writes a name or property path (`this.a`) the other reads or writes;
 * dependent statements keep their order, independent ones are ordered by `keyOf` (their text
 * with local names blanked). Calls are assumed not to depend on each other's order: a
 * heuristic fit for a duplicate warning, not for rewriting code.
 */
export function canonicalOrder(ts: TypeScriptApi, statements: readonly ts.Statement[], keyOf: (statement: ts.Statement) => string): ts.Statement[] {
  const ordered: ts.Statement[] = [];
  let run: Array<{ statement: ts.Statement; footprint: Footprint }> = [];
  const flush = (): void => {
    ordered.push(...orderRun(run, keyOf));
    run = [];
  };
  // Footprints cost a walk: only statements with a movable neighbour need one.
  const movable = statements.map((statement) => isMovableKind(ts, statement));
  statements.forEach((statement, index) => {
    const footprint = movable[index] && (movable[index - 1] === true || movable[index + 1] === true) ? footprintOf(ts, statement) : undefined;
    if (footprint === undefined) {
      flush();
      ordered.push(statement);
      return;
    }
    if (run.length === MAX_RUN) flush();
    run.push({ statement, footprint });
  });
  flush();
  return ordered;
}

function orderRun(run: Array<{ statement: ts.Statement; footprint: Footprint }>, keyOf: (statement: ts.Statement) => string): ts.Statement[] {
  if (run.length < 2) return run.map((entry) => entry.statement);
  const keys = run.map((entry) => keyOf(entry.statement));
  const placed = new Array<boolean>(run.length).fill(false);
  const result: ts.Statement[] = [];
  while (result.length < run.length) {
    let best = -1;
    for (let index = 0; index < run.length; index += 1) {
      if (placed[index] || (best >= 0 && keys[index] >= keys[best])) continue;
      // Ready: every earlier statement it depends on is placed.
      let ready = true;
      for (let earlier = 0; earlier < index && ready; earlier += 1) {
        if (!placed[earlier] && conflict(run[earlier].footprint, run[index].footprint)) ready = false;
      }
      if (ready) best = index;
    }
    placed[best] = true;
    result.push(run[best].statement);
  }
  return result;
}

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

function conflict(a: Footprint, b: Footprint): boolean {
  for (const write of a.writes) {
    for (const other of [...b.reads, ...b.writes]) if (overlaps(write, other)) return true;
  }
  for (const write of b.writes) {
    for (const read of a.reads) if (overlaps(write, read)) return true;
  }
  return false;
}

function isMovableKind(ts: TypeScriptApi, statement: ts.Statement): boolean {
  return ts.isVariableStatement(statement) || (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression));
}

/** What a movable statement reads and writes; undefined for a statement that never moves. */
function footprintOf(ts: TypeScriptApi, statement: ts.Statement): Footprint | undefined {
  const reads = new Set<string>();
  const writes = new Set<string>();
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      collectWrittenNames(ts, declaration.name, writes, reads);
      if (declaration.initializer !== undefined) collectReads(ts, declaration.initializer, reads);
    }
    return { reads, writes };
  }
  if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return undefined;
  const { left, operatorToken, right } = statement.expression;
  const operator = operatorToken.kind;
  if (operator < ts.SyntaxKind.FirstAssignment || operator > ts.SyntaxKind.LastAssignment) return undefined;
  const target = pathOf(ts, left);
  if (target === undefined) return undefined;
  writes.add(target);
  if (operator !== ts.SyntaxKind.EqualsToken) reads.add(target);
  collectReads(ts, right, reads);
  return { reads, writes };
}

function collectWrittenNames(ts: TypeScriptApi, name: ts.BindingName, writes: Set<string>, reads: Set<string>): void {
  if (ts.isIdentifier(name)) {
    writes.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isBindingElement(element)) continue;
    if (element.initializer !== undefined) collectReads(ts, element.initializer, reads);
    if (element.propertyName !== undefined && ts.isComputedPropertyName(element.propertyName)) collectReads(ts, element.propertyName, reads);
    collectWrittenNames(ts, element.name, writes, reads);
  }
}

/** `a`, `this.a.b`: a name or a chain of plain property accesses on one. */
function pathOf(ts: TypeScriptApi, node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    const base = pathOf(ts, node.expression);
    return base === undefined ? undefined : `${base}.${node.name.text}`;
  }
  return undefined;
}

/** Every name and property path the expression reads (closures included: over-reading only keeps order). */
function collectReads(ts: TypeScriptApi, node: ts.Node, reads: Set<string>): void {
  const path = ts.isPropertyAccessExpression(node) || ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword ? pathOf(ts, node) : undefined;
  if (path !== undefined) {
    reads.add(path);
    return;
  }
  ts.forEachChild(node, (child) => collectReads(ts, child, reads));
}
