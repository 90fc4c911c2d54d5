import { describe, expect, test } from 'vitest';
import { keepManifestFormat } from '../../src/cleanup/manifest-format.js';

describe('keepManifestFormat: the package manager\'s removal as a text edit of the original package.json', () => {
  test('npm drops an emptied section: the member goes with its comma, the next member keeps its indentation', () => {
    const original = '{\n\t"name": "a",\n\t"dependencies": {\n\t\t"left-pad": "1.3.0"\n\t},\n\t"scripts": {"x": "echo é"}\n}';
    const managed = '{\n\t"name": "a",\n\t"scripts": {\n\t\t"x": "echo é"\n\t}\n}\n';
    expect(keepManifestFormat(original, managed, [['dependencies', 'left-pad']])).toBe('{\n\t"name": "a",\n\t"scripts": {"x": "echo é"}\n}');
  });

  test('CRLF, a byte order mark, several removals, the last member of a section', () => {
    const original = '\uFEFF{\r\n  "dependencies": { "a": "1", "b": "2", "c": "3" },\r\n  "devDependencies": {"d":"1"}}';
    const managed = '{\n  "dependencies": {\n    "a": "1"\n  }\n}\n';
    expect(keepManifestFormat(original, managed, [['dependencies', 'b'], ['dependencies', 'c'], ['devDependencies', 'd']]))
      .toBe('\uFEFF{\r\n  "dependencies": { "a": "1" }}');
  });

  test('a manager that keeps the emptied section as {}; braces and quotes inside strings are not structure', () => {
    const original = '{"dependencies":{"a\\"q":"1"},"x":{"weird":[1,{"z":"}"}]}}';
    expect(keepManifestFormat(original, '{"dependencies":{},"x":{"weird":[1,{"z":"}"}]}}', [['dependencies', 'a"q']])).toBe('{"dependencies":{},"x":{"weird":[1,{"z":"}"}]}}');
  });

  test('when the manager changed anything else, its file stays (undefined)', () => {
    const original = '{"version":"1.0.0","dependencies":{"a":"1","b":"2"}}';
    expect(keepManifestFormat(original, '{"version":"1.0.1","dependencies":{"b":"2"}}', [['dependencies', 'a']])).toBeUndefined();
    expect(keepManifestFormat(original, 'not json', [['dependencies', 'a']])).toBeUndefined();
  });
});
