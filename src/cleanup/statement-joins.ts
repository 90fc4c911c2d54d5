import { ts } from 'ts-morph';

/** A statement starting with one of these continues the line before when that line has no `;`. */
const CONTINUES_PREVIOUS = /^[([`+\-/]/;

/**
 * Guards a cleanup edit against automatic semicolon insertion: in code without semicolons,
 * removing the declaration between `const a = f()` and `(g)()` would make them one statement,
 * `f()(g)()`, and change what the program does. Every top-level statement of the original that
 * starts with such a character and is still in the edited text must still be a statement of its
 * own; where it was joined to the one before, a `;` is put in front of it (the usual way to write
 * it without semicolons). Throws when the statements still do not come out as they were.
 */
export function keepStatementsApart(original: string, edited: string, file: string): string {
  const hazards = topLevelStatements(original, file).map((statement) => statement.text).filter((text) => CONTINUES_PREVIOUS.test(text));
  if (hazards.length === 0) return edited;
  let text = edited;
  // One `;` per swallowed statement; a statement can swallow several, so check all at the end.
  for (const hazard of new Set(hazards)) {
    const statements = topLevelStatements(text, file);
    if (statements.some((statement) => statement.text === hazard)) continue;
    const at = swallowedAt(statements, hazard);
    if (at !== undefined) text = `${text.slice(0, at)};${text.slice(at)}`;
  }
  const after = new Set(topLevelStatements(text, file).map((statement) => statement.text));
  // A hazard no longer in the text went with the cleanup; one still there must stand alone.
  if (hazards.some((hazard) => text.includes(hazard) && !after.has(hazard))) {
    throw new Error('removing it would join the statements around it into one');
  }
  return text;
}

/** Where a statement that swallowed the hazard has its text, after a line break. */
function swallowedAt(statements: ReadonlyArray<{ start: number; text: string }>, hazard: string): number | undefined {
  for (const statement of statements) {
    for (let at = statement.text.indexOf(hazard, 1); at > 0; at = statement.text.indexOf(hazard, at + 1)) {
      if (/\n\s*$/.test(statement.text.slice(0, at))) return statement.start + at;
    }
  }
  return undefined;
}

function topLevelStatements(text: string, file: string): Array<{ start: number; text: string }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file));
  // The `;` put in front of the next statement ends this one: compare statements without it.
  return source.statements.map((statement) => ({ start: statement.getStart(source), text: statement.getText(source).replace(/\s*;$/, '') }));
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  return /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}
