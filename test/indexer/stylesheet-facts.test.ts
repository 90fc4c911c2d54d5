import { describe, expect, test } from 'vitest';
import { stylesheetFacts } from '../../src/indexer/extract/stylesheet-facts.js';
import { stylesheetCandidates } from '../../src/resolve/stylesheet-candidates.js';

describe('style sheet facts', () => {
  test('imports of CSS, Sass, Less and Tailwind, at their lines; comments, URLs and sass: modules are not imports', () => {
    const text = [
      '/* @import "commented"; */',
      '@import url("./reset.css");',
      "@use 'sass:math';",
      "@forward '~bootstrap/scss/mixins';",
      '@import (reference) "theme.less";',
      '@plugin "./plugin.js";',
      "@import 'https://fonts.example/x.css';",
      '.title { composes: heading from "./type.module.css"; }',
    ].join('\n');
    const facts = stylesheetFacts(text);
    expect(facts.imports.map((fact) => [fact.specifier, fact.line, fact.form])).toEqual([
      ['./reset.css', 2, 'url'],
      ['bootstrap/scss/mixins', 4, 'url'],
      ['theme.less', 5, 'url'],
      ['./plugin.js', 6, 'url'],
      ['./type.module.css', 8, 'url'],
    ]);
    expect(facts.skipped).toBe('stylesheet');
  });

  test('a Sass import is tried next to the file first: as itself, a partial, with an extension, a folder index', () => {
    const candidates = stylesheetCandidates('base/colors');
    expect(candidates).toContain('./base/colors');
    expect(candidates).toContain('./base/_colors.scss');
    expect(candidates).toContain('./base/colors.css');
    expect(candidates).toContain('./base/colors/_index.scss');
    expect(stylesheetCandidates('../vars.scss')).toContain('../_vars.scss');
    expect(stylesheetCandidates('/abs/x.css')).toEqual([]);
  });
});
