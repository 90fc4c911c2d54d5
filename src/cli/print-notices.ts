/** Notices on stderr, one line each (a module of its own: the query commands load nothing else of the terminal's). */
export function printNotices(notices: readonly string[]): void {
  for (const notice of notices) process.stderr.write(`orch-guard: ${notice}\n`);
}
