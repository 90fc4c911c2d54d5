import { describe, expect, test } from 'vitest';
import { extractFileFacts } from '../../src/indexer/extract/extract-file-facts.js';
import { markdownModule } from '../../src/indexer/extract/markdown-imports.js';
import { iconReferences } from '../../src/indexer/extract/icon-references.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';

const factsOf = (file: string, text: string) => extractFileFacts(loadTypeScript(), file, text);

describe('facts of a Markdown page', () => {
  test('MDX imports of every form, at their lines; imports in code fences and prose are not imports', () => {
    const facts = factsOf('docs/intro.mdx', [
      '---',
      'title: Intro',
      '---',
      "import Card from '@site/src/components/Card';",
      'import {',
      '  Tabs,',
      '  TabItem as Item,',
      "} from './tabs';",
      "import * as Icons from './icons';",
      "import './page.css';",
      '',
      'Some prose: import the module first, then export the data.',
      '',
      '```ts',
      "import { example } from './not-loaded';",
      '```',
      '',
      "export { default as Partial } from './_partial.mdx';",
      '',
      '<Card><Tabs /><Item /></Card>',
    ].join('\n'));
    expect(facts.imports.map(({ specifier, form, line, column }) => ({ specifier, form, line, column }))).toEqual([
      { specifier: '@site/src/components/Card', form: 'static', line: 4, column: 18 },
      { specifier: './tabs', form: 'static', line: 8, column: 8 },
      { specifier: './icons', form: 'static', line: 9, column: 24 },
      { specifier: './page.css', form: 'side-effect', line: 10, column: 8 },
      { specifier: './_partial.mdx', form: 'dynamic', line: 18, column: 36 },
    ]);
    expect(facts.importBindings.map(({ local, imported }) => `${local}=${imported}`)).toEqual(['Card=default', 'Tabs=Tabs', 'Item=TabItem', 'Icons=*']);
    // The body is not read: every imported name counts as used by the page.
    expect(facts.references.map(({ name }) => name)).toEqual(['Card', 'Tabs', 'Item', 'Icons']);
    // Importing a page is using it: it declares nothing of its own.
    expect(facts.exports).toEqual([]);
    expect(facts.parseErrors).toEqual([]);
  });

  test('an Astro page: the frontmatter layout is a load of that component', () => {
    const facts = factsOf('src/pages/terms.md', "---\ntitle: Terms\nlayout: '~/layouts/MarkdownLayout.astro'\n---\n\n# Terms\n");
    expect(facts.imports).toEqual([{ specifier: '~/layouts/MarkdownLayout.astro', form: 'side-effect', line: 3, column: 10, owner: -1, typeOnly: false }]);
  });

  test('a page without ESM gives no code to parse, and a fence left open hides the rest', () => {
    expect(markdownModule('# Title\n\nText only.\n')).toEqual({ code: '' });
    expect(markdownModule("~~~js\nimport a from './a';\n").code).toBe('');
  });
});

describe('icon names a file uses', () => {
  test('Iconify ids in attributes and strings, and icon classes', () => {
    expect(iconReferences('<Icon name="tabler:rss" /> { icon: \'flat-color-icons:template\' } <i class="i-mdi-home" />')).toEqual(['flat-color-icons', 'i-mdi-home', 'tabler']);
    expect(iconReferences('const a = 1;')).toBeUndefined();
  });
});
