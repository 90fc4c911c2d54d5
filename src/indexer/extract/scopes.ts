/**
 * Lexical scopes, reduced to what dead-code analysis needs: whether a use of a module-scope
 * name is shadowed by an inner declaration. Only names that exist in module scope are ever
 * recorded, so most scopes stay empty. Values and types are separate meanings: a local
 * `const Foo` does not shadow `interface Foo` in a type annotation.
 */
export interface Scope {
  readonly parent: Scope | undefined;
  /** Function scopes receive `var` declarations hoisted out of nested blocks. */
  readonly isFunction: boolean;
  values?: Set<string>;
  types?: Set<string>;
}

export const Meaning = { Value: 1, Type: 2, Both: 3 } as const;

export function createScope(parent: Scope | undefined, isFunction: boolean): Scope {
  return { parent, isFunction };
}

export function declareInScope(scope: Scope, name: string, meaning: number): void {
  if ((meaning & Meaning.Value) !== 0) (scope.values ??= new Set()).add(name);
  if ((meaning & Meaning.Type) !== 0) (scope.types ??= new Set()).add(name);
}

export function nearestFunctionScope(scope: Scope): Scope {
  let current = scope;
  while (!current.isFunction && current.parent !== undefined) current = current.parent;
  return current;
}

/** True when a scope between `scope` and `moduleScope` declares `name` with the meaning. */
export function isShadowed(scope: Scope, moduleScope: Scope, name: string, inTypePosition: boolean): boolean {
  for (let current: Scope | undefined = scope; current !== undefined && current !== moduleScope; current = current.parent) {
    const names = inTypePosition ? current.types : current.values;
    if (names?.has(name)) return true;
  }
  return false;
}
