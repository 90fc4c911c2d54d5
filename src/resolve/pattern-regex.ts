/**
 * A pattern specifier (root-relative) as a regular expression over root-relative paths: `*` for
 * any text (slashes included, to stay on the safe side), `{a,b}` for alternatives (Vite's
 * `import.meta.glob('./img/*.{png,jpg}')`); a missing or `.js` extension matches sources.
 */
export function patternRegex(pattern: string): RegExp {
  const alternatives: string[] = [];
  const braced = pattern.replace(/\{([^{}]*)\}/g, (_, body: string) => {
    alternatives.push(body.split(',').map(escape).join('|'));
    return `\0${alternatives.length - 1}\0`;
  });
  let source = escape(braced).replace(/\*+\/?/g, (stars) => (stars.endsWith('/') ? '(?:.*/)?' : '.*'));
  source = source.replace(/\0(\d+)\0/g, (_, index: string) => `(?:${alternatives[Number(index)]})`);
  source = source.replace(/\\\.js$/, '\\.(?:js|ts|tsx)');
  return new RegExp(`^${source}(?:\\.[cm]?[jt]sx?|\\.vue|\\.svelte)?$`);
}

/** The folder before the first wildcard or brace: where matching files can be. */
export function patternBase(pattern: string): string {
  const wild = pattern.search(/[*{?[]/);
  const head = wild === -1 ? pattern : pattern.slice(0, wild);
  return head.slice(0, Math.max(0, head.lastIndexOf('/')));
}

function escape(text: string): string {
  return text.replace(/[.+^${}()|[\]\\?]/g, '\\$&');
}
