// One `requires` (or `produces`) entry of the config, in its three forms.

export interface Requirement {
  /** `"<component>"` or `"<component>:<Symbol>"`. */
  component?: string;
  /** `"<path>#<Symbol>"`: a root-relative file. */
  path?: string;
  symbol?: string;
  kind?: string;
  text: string;
}

/** Parses one `requires` entry; undefined when it has none of the three forms. */
export function parseRequirement(text: string): Requirement | undefined {
  const hash = text.indexOf('#');
  if (hash !== -1) {
    const [symbol, kind, extra] = text.slice(hash + 1).split(':');
    const file = text.slice(0, hash).replace(/^\.\//, '');
    if (file === '' || symbol === '' || extra !== undefined || !/^[\w$]+$/.test(symbol)) return undefined;
    return { path: file, symbol, ...(kind !== undefined ? { kind } : {}), text };
  }
  const [component, symbol, kind, extra] = text.split(':');
  if (!/^[A-Za-z][\w-]*$/.test(component) || extra !== undefined || symbol === '' || (symbol !== undefined && !/^[\w$]+$/.test(symbol))) return undefined;
  return { component, ...(symbol !== undefined ? { symbol } : {}), ...(kind !== undefined ? { kind } : {}), text };
}
