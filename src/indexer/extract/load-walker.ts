import type { TypeScriptApi, ts } from '../../typescript/typescript-api.js';

/** Which exports a dynamic import, require or import type uses. */
export interface ModuleLoadUsage {
  usedNames: string[];
  whole: boolean;
}

/** A module load as the walker records it. */
export interface ModuleLoad {
  specifier: string;
  form: 'require' | 'dynamic' | 'url' | 'import-type';
  call: ts.Node;
  pattern?: boolean;
  /** Patterns a glob leaves out (`!./skip.ts`). */
  exclude?: string[];
  /** A path computed at run time (`import(name)`, `eval`). */
  unbounded?: boolean;
}

/** What visiting module loads needs of pass 2's reference walker (it visits, the walker records). */
export interface LoadWalker {
  readonly ts: TypeScriptApi;
  readonly sourceFile: ts.SourceFile;
  /** The function body (or file) the visited code is in. */
  readonly enclosingBody: ts.Node;
  /** Whether the module scope binds the name (a local `eval` is not the global one). */
  isModuleName(name: string): boolean;
  /** The module a module-scope name was imported from, and under which exported name. */
  importOrigin(local: string): { specifier: string; imported: string } | undefined;
  recordModuleLoad(load: ModuleLoad, usage: ModuleLoadUsage): void;
  /** A class handed to `customElements.define('tag', X)`: the page uses it by its tag. */
  registerCustomElement(element: ts.Expression): void;
  visit(node: ts.Node): void;
  /** The callee of a call or `new`: a bare name is recorded as called. */
  visitCallee(node: ts.Expression): void;
  visitEach(nodes: readonly ts.Node[] | undefined): void;
}
