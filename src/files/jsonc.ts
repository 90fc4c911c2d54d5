/**
 * Parses JSON with comments and trailing commas, the dialect of tsconfig.json. Comments and
 * trailing commas are blanked out (keeping offsets) and the rest goes to JSON.parse, so the
 * error positions JSON.parse reports still point into the original text.
 */
export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsoncSyntax(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
}

function stripJsoncSyntax(text: string): string {
  const chars = text.split('');
  let index = 0;
  let lastSignificant = -1;
  while (index < chars.length) {
    const char = chars[index];
    if (char === '"') {
      index = skipString(chars, index);
      lastSignificant = index - 1;
      continue;
    }
    if (char === '/' && chars[index + 1] === '/') {
      while (index < chars.length && chars[index] !== '\n') chars[index++] = ' ';
      continue;
    }
    if (char === '/' && chars[index + 1] === '*') {
      while (index < chars.length && !(chars[index] === '*' && chars[index + 1] === '/')) {
        if (chars[index] !== '\n') chars[index] = ' ';
        index += 1;
      }
      if (index < chars.length) chars[index++] = ' ';
      if (index < chars.length) chars[index++] = ' ';
      continue;
    }
    if ((char === '}' || char === ']') && lastSignificant >= 0 && chars[lastSignificant] === ',') {
      chars[lastSignificant] = ' ';
    }
    if (!/\s/.test(char)) lastSignificant = index;
    index += 1;
  }
  return chars.join('');
}

function skipString(chars: string[], start: number): number {
  let index = start + 1;
  while (index < chars.length) {
    if (chars[index] === '\\') index += 2;
    else if (chars[index] === '"') return index + 1;
    else index += 1;
  }
  return index;
}
