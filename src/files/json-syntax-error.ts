/**
 * Where strict JSON goes wrong, as `line L, column C: expected ...` (JSON.parse's own
 * messages do not always say where). Undefined when the text is valid JSON.
 */
export function describeJsonSyntaxError(text: string): string | undefined {
  const error = firstError(text);
  if (error === undefined) return undefined;
  const before = text.slice(0, error.offset);
  const line = before.split('\n').length;
  const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
  const found = error.offset >= text.length ? 'the end of the file' : JSON.stringify(text[error.offset]);
  return `line ${line}, column ${column}: expected ${error.expected}, found ${found}`;
}

function firstError(text: string): { offset: number; expected: string } | undefined {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (expected: string): never => {
    throw Object.assign(new Error(expected), { offset: index, expected });
  };
  const skipSpace = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index])) index += 1;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[index] !== char) fail(`\`${word}\``);
      index += 1;
    }
  };
  const string = () => {
    if (text[index] !== '"') fail('a string in double quotes');
    index += 1;
    while (text[index] !== '"') {
      if (index >= text.length || text.charCodeAt(index) < 0x20) fail('the closing `"`');
      if (text[index] === '\\') {
        index += 1;
        if (text[index] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 1, index + 5))) fail('four hex digits after `\\u`');
          index += 4;
        } else if (!'"\\/bfnrt'.includes(text[index] ?? '') || index >= text.length) fail('an escape character after `\\`');
      }
      index += 1;
    }
    index += 1;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index));
    if (match === null) fail('a number');
    index += (match as RegExpExecArray)[0].length;
  };
  const sequence = (close: string, item: () => void, what: string) => {
    index += 1;
    skipSpace();
    if (text[index] === close) {
      index += 1;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[index] === close) break;
      if (text[index] !== ',') fail(`\`,\` or \`${close}\` after ${what}`);
      index += 1;
      skipSpace();
    }
    index += 1;
  };
  const value = (): void => {
    skipSpace();
    const char = text[index];
    if (char === '{') {
      sequence('}', () => {
        string();
        skipSpace();
        if (text[index] !== ':') fail('`:` after the property name');
        index += 1;
        value();
      }, 'a property value');
    } else if (char === '[') sequence(']', value, 'an array element');
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail('a value');
  };
  try {
    value();
    skipSpace();
    if (index < text.length) fail('the end of the file');
    return undefined;
  } catch (error) {
    return error as { offset: number; expected: string };
  }
}
