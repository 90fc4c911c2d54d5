import type { Explanation } from './explain-dead.js';

const MAX_LISTED = 3;

/** The middle part of a message: why the code counts as unused, in words. */
export function describeReason(explanation: Explanation): string {
  const listed = listReferrers(explanation.referrers);
  switch (explanation.reason) {
    case 'unreferenced':
      // Referrers of an unreferenced thing: re-exports nothing imports, imports that read names it lacks (unread-imports.ts).
      return explanation.referrers === undefined || explanation.referrers.length === 0 ? 'nothing refers to it' : `nothing uses it (${listed})`;
    case 'only-referenced-in-own-file':
      return 'it is used only inside its own file';
    case 'only-referenced-by-dead-code':
      return `it is used only by dead code (${listed})`;
    case 'only-referenced-by-tests':
      return `only tests use it (${listed})`;
    case 'only-fake-references':
      return `its only uses are fake wiring such as \`void x;\`, an unread variable, an assignment or code that never runs (${listed})`;
    default:
      return explanation.reason;
  }
}

function listReferrers(referrers: string[] | undefined): string {
  if (referrers === undefined || referrers.length === 0) return 'none';
  const shown = referrers.slice(0, MAX_LISTED).join(', ');
  return referrers.length > MAX_LISTED ? `${shown} and ${referrers.length - MAX_LISTED} more` : shown;
}
