/**
 * Glob patterns for project-relative posix paths: `**` spans directories, `*` and `?` stay
 * inside one segment, `{a,b}` alternates, `[abc]` is a character class and a leading `!`
 * negates the pattern inside a list. Node 20 has no glob matcher of its own.
 */

type PathMatcher = (relativePath: string) => boolean;

export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(normalizePattern(pattern))}$`);
}

/**
 * A matcher for a list of patterns where later `!pattern` entries exclude paths matched
 * by earlier ones (the order-sensitive rule used by gitignore and most glob CLIs).
 */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const compiled = patterns.map((raw) => {
    const negated = raw.startsWith('!');
    return { negated, regex: globToRegExp(negated ? raw.slice(1) : raw) };
  });
  if (compiled.length === 0) return () => false;
  return (relativePath) => {
    let matched = false;
    for (const { negated, regex } of compiled) {
      if (negated ? matched : !matched) {
        if (regex.test(relativePath)) matched = !negated;
      }
    }
    return matched;
  };
}

function normalizePattern(pattern: string): string {
  let result = pattern.replace(/\\/g, '/');
  while (result.startsWith('./')) result = result.slice(2);
  if (result.endsWith('/')) result += '**';
  return result;
}

function translate(pattern: string): string {
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atSegmentStart = index === 0 || pattern[index - 1] === '/';
        const atSegmentEnd = index + 2 === pattern.length || pattern[index + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more whole directories; a trailing `**` matches the rest.
          if (index + 2 === pattern.length) {
            out += '.*';
            index += 2;
          } else {
            out += '(?:.*/)?';
            index += 3;
          }
          continue;
        }
        out += '[^/]*';
        index += 2;
        continue;
      }
      out += '[^/]*';
      index += 1;
    } else if (char === '?') {
      out += '[^/]';
      index += 1;
    } else if (char === '{') {
      const close = findClosingBrace(pattern, index);
      if (close === -1) {
        out += '\\{';
        index += 1;
        continue;
      }
      const alternatives = splitAlternatives(pattern.slice(index + 1, close));
      out += `(?:${alternatives.map(translate).join('|')})`;
      index = close + 1;
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 1);
      if (close === -1) {
        out += '\\[';
        index += 1;
        continue;
      }
      let body = pattern.slice(index + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      index = close + 1;
    } else {
      out += escapeRegExpChar(char);
      index += 1;
    }
  }
  return out;
}

function findClosingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let index = open; index < pattern.length; index += 1) {
    if (pattern[index] === '{') depth += 1;
    else if (pattern[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < body.length; index += 1) {
    if (body[index] === '{') depth += 1;
    else if (body[index] === '}') depth -= 1;
    else if (body[index] === ',' && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function escapeRegExpChar(char: string): string {
  return /[.+^$()|\\]/.test(char) ? `\\${char}` : char;
}
