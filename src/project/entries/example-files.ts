/**
 * Code that stands alone: examples, demos and playgrounds (read, copied or run on their own), and
 * what a site serves as is (`static/` of Docusaurus and SvelteKit, `public/` of Vite and Next.js).
 */
const EXAMPLE_DIR = /(?:^|\/)(?:examples?|demos?|playgrounds?|sandbox(?:es)?|static|public)\//;
/**
 * Test fixtures: sample code a test feeds to the code under test (a parser's input, a project
 * the tool is run on), read as data or run on its own. Its dead code, broken imports and odd
 * shapes are what the test needs, so nothing in it is reported.
 */
const FIXTURE_DIR = /(?:^|\/)(?:__)?fixtures?(?:__)?\//;
/** What is still worth saying about example code: it does not load, or does not parse. */
const REPORTED_IN_EXAMPLES = new Set(['unresolved-import', 'parse-error', 'missing-export']);

/** What a site serves as is: not even its imports are the project's to resolve. */
const SERVED_AS_IS = /(?:^|\/)(?:static|public)\//;

export function isExampleFile(relativePath: string): boolean {
  return EXAMPLE_DIR.test(relativePath);
}

/**
 * Findings in example code, except broken imports and syntax errors, are not reported: an
 * example's `function App` is meant to be copied, not called, and its exports are for readers.
 * None in test fixtures are.
 */
export function dropExampleFindings<T extends { file: string; rule: string }>(findings: T[], notices: string[]): T[] {
  const kept = findings.filter((finding) => !FIXTURE_DIR.test(finding.file)
    && (!isExampleFile(finding.file) || (REPORTED_IN_EXAMPLES.has(finding.rule) && !SERVED_AS_IS.test(finding.file))));
  if (kept.length < findings.length) notices.push(`${findings.length - kept.length} findings in example, demo, playground, static and test fixture code are not reported (it stands alone)`);
  return kept;
}
