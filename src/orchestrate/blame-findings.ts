import { type Finding, isFailing } from '../rule-engine/finding.js';
import { parseRequirement } from '../config/requirement.js';
import { compileGlobs } from '../files/glob.js';
import type { ComponentConfig } from '../config/config-schema.js';
import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { attributeFindings } from './attribute-findings.js';
import { type RunFinding, toRunFinding } from './run-finding.js';

export interface BlameContext {
  tasks: readonly TaskConfig[];
  components: Record<string, ComponentConfig>;
  /** Every file written in this run, with the tasks whose attempts wrote it. */
  writers: ReadonlyMap<string, ReadonlySet<string>>;
  /** The results so far: a component is built once every builder task of it has passed. */
  results: ReadonlyMap<string, TaskResult>;
  /** The tasks the gate judges: the last resort when nothing else says who wrote a finding. */
  judged: readonly TaskConfig[];
  /** Every finding now: whether a consumer is dead itself, or does not use a contract. */
  all: readonly Finding[];
}

/** Rules that say "nothing live uses this": the code's consumer may be at fault, not its author. */
const REACHABILITY_RULES = new Set(['unused-file', 'unused-export', 'unused-type', 'contract-unconsumed', 'test-only-export']);
/** contract-unconsumed reasons where the consumer does not use the symbol at all (not: it uses it, but is dead itself). */
const NOT_USED = new Set(['unreferenced', 'only-fake-references', 'only-referenced-by-tests']);

type Verdict = { pending: string } | { tasks: string[]; consumer?: string };

/**
 * Blames each finding a gate judges on the task(s) whose work introduced it, by what each
 * task wrote: a duplicate on the task that wrote the newer copy (the finding moves there and
 * names the older one); unused code with a consumer on that consumer's builder as soon as it
 * has passed without using it (pending while it is still to be built; when the consumer does
 * use it but is dead itself, the question moves up to the consumer's own consumers);
 * anything else on the task(s) that wrote the finding's file. Review tasks are never blamed.
 */
export function blameFindings(findings: readonly Finding[], context: BlameContext): RunFinding[] {
  const blamed: RunFinding[] = [];
  for (const finding of findings) {
    const state = isFailing(finding) ? 'blocking' : 'warning';
    if (finding.rule === 'duplicate-implementation') {
      blamed.push(...blameDuplicate(finding, context, state));
      continue;
    }
    const verdict = REACHABILITY_RULES.has(finding.rule) && finding.component !== undefined ? viaConsumers(finding, context) : undefined;
    if (verdict !== undefined && 'pending' in verdict) {
      blamed.push(toRunFinding(finding, { state: state === 'blocking' ? 'pending' : state, waitingFor: verdict.pending }));
      continue;
    }
    // A consumer no task builds (it was there before) has no builder to blame: then the file's writers.
    const byConsumer = verdict?.tasks ?? [];
    const writers = byConsumer.length === 0 ? writersOf(finding.file, context) : [];
    const rerunning = writers.filter((task) => !context.results.has(task));
    if (writers.length > 0 && rerunning.length === writers.length) {
      // Resumed: the file's writer runs again later in this run; its new work is judged then.
      const component = context.tasks.find((task) => task.id === rerunning[0])?.component;
      blamed.push(toRunFinding(finding, { state: state === 'blocking' ? 'pending' : state, waitingFor: component ?? rerunning[0] }));
      continue;
    }
    const ownerWrote = writers.some((task) => buildsComponentOf(task, finding.file, context));
    const unfinishedBuilder = byConsumer.length === 0 && !ownerWrote ? unfinishedBuilderOf(finding.file, context) : undefined;
    if (unfinishedBuilder !== undefined) {
      // No task building the file's component has recorded writing it, and one has not finished:
      // it may be writing it right now (a task running at the same time sees that write as its
      // own change). Its own gate judges it; blaming whoever finished first would be wrong.
      blamed.push(toRunFinding(finding, { state: state === 'blocking' ? 'pending' : state, waitingFor: unfinishedBuilder.component ?? unfinishedBuilder.id }));
      continue;
    }
    const tasks = byConsumer.length > 0 ? byConsumer : writers.filter((task) => context.results.has(task));
    const responsible = tasks.length > 0 ? tasks : fallback(finding, context);
    if (responsible.length === 0) blamed.push(toRunFinding(finding, { state, ...(verdict?.consumer !== undefined ? { consumer: verdict.consumer } : {}) }));
    for (const task of responsible) blamed.push(toRunFinding(finding, { state, task, ...(verdict?.consumer !== undefined ? { consumer: verdict.consumer } : {}) }));
  }
  return blamed;
}

function viaConsumers(finding: Finding, context: BlameContext): Verdict | undefined {
  const provider = finding.component as string;
  let consumers = finding.rule === 'contract-unconsumed' && finding.consumer !== undefined ? [finding.consumer] : consumersOf(provider, finding, context.components);
  const seen = new Set<string>([provider]);
  let current = provider;
  while (consumers.length > 0) {
    const unbuilt = consumers.find((consumer) => !isBuilt(consumer, context));
    if (unbuilt !== undefined) return { pending: unbuilt };
    // A consumer that is live, or that does not refer to the code at all, is the one that failed to wire it.
    const faulty = consumers.filter((consumer) => doesNotUse(current, consumer, finding, context) || !isDead(consumer, context));
    const atFault = faulty.length > 0 ? faulty : undefined;
    if (atFault !== undefined) return { tasks: atFault.flatMap((consumer) => buildersOf(consumer, context)), consumer: atFault[0] };
    // Every consumer uses it but is dead itself: whoever should wire the consumers in is at fault.
    consumers.forEach((consumer) => seen.add(consumer));
    const next = [...new Set(consumers.flatMap((consumer) => consumersOf(consumer, undefined, context.components)))].filter((name) => !seen.has(name));
    if (next.length === 0) return { tasks: consumers.flatMap((consumer) => buildersOf(consumer, context)), consumer: consumers[0] };
    current = consumers[0];
    consumers = next;
  }
  return undefined;
}

/** Components that require (or, by `consumedBy`, consume) the component — for a symbol, those that want that symbol. */
function consumersOf(component: string, finding: Finding | undefined, components: Record<string, ComponentConfig>): string[] {
  // An unused file names itself as its symbol: it is about the whole file.
  const symbol = finding === undefined || finding.rule === 'unused-file' ? null : finding.symbol;
  const provided = (components[component]?.provides ?? []).map((entry) => entry.split(':')[0]);
  const consumers = new Set<string>();
  for (const [name, config] of Object.entries(components)) {
    if (name === component) continue;
    for (const entry of config.requires ?? []) {
      const requirement = parseRequirement(entry);
      if (requirement === undefined) continue;
      const matches = requirement.path !== undefined
        ? finding !== undefined && requirement.path === finding.file && (symbol === null || requirement.symbol === symbol)
        : requirement.component === component && (requirement.symbol === undefined || symbol === null || requirement.symbol === symbol);
      if (matches) consumers.add(name);
    }
  }
  if (symbol === null || provided.includes(symbol)) for (const name of components[component]?.consumedBy ?? []) consumers.add(name);
  return [...consumers];
}

const buildersOfComponent = (component: string, context: BlameContext) => context.tasks.filter((task) => task.component === component && task.role !== 'review');
const buildersOf = (component: string, context: BlameContext) => buildersOfComponent(component, context).map((task) => task.id);

/** Built: every builder task of the component has run and passed (a blocked one ran too); a component no task builds was there before. */
function isBuilt(component: string, context: BlameContext): boolean {
  return buildersOfComponent(component, context).every((task) => ['passed', 'blocked'].includes(context.results.get(task.id)?.status ?? ''));
}

/** Some file of the component reaches no entry: the component itself is not wired in. */
const isDead = (component: string, context: BlameContext) => context.all.some((finding) => finding.rule === 'unused-file' && finding.component === component);

/** The consumer's contract finding says it does not refer to the provider's symbols (or only fakes it). */
function doesNotUse(provider: string, consumer: string, finding: Finding, context: BlameContext): boolean {
  return context.all.some((other) => other.rule === 'contract-unconsumed' && other.component === provider && other.consumer === consumer
    && NOT_USED.has(other.reason) && (finding.rule !== 'contract-unconsumed' || other.symbol === finding.symbol));
}

/**
 * The tasks whose attempts wrote the file in this run. Tasks running at the same time all see
 * a change made while they ran: of several, those building the component the file is in.
 */
export function writersOf(file: string, context: Pick<BlameContext, 'tasks' | 'components' | 'writers'>): string[] {
  const builders = new Set(context.tasks.filter((task) => task.role !== 'review').map((task) => task.id));
  const writers = [...context.writers.get(file) ?? []].filter((task) => builders.has(task));
  if (writers.length < 2) return writers;
  const own = writers.filter((task) => buildsComponentOf(task, file, context));
  return own.length > 0 ? own : writers;
}

/** Whether the task builds the component whose paths hold the file. */
function buildsComponentOf(taskId: string, file: string, context: Pick<BlameContext, 'tasks' | 'components'>): boolean {
  const component = context.tasks.find((task) => task.id === taskId)?.component;
  return component !== undefined && compileGlobs(context.components[component]?.paths ?? [])(file);
}

/** A task that has not finished and builds the component whose paths hold the file. */
function unfinishedBuilderOf(file: string, context: BlameContext): TaskConfig | undefined {
  return context.tasks.find((task) => task.role !== 'review' && !context.results.has(task.id) && buildsComponentOf(task.id, file, context));
}

/** A duplicate is the newer copy's fault: the copy written in this run, when only one of them was. */
function blameDuplicate(finding: Finding, context: BlameContext, state: RunFinding['state']): RunFinding[] {
  const original = finding.referrers?.[0];
  const [originalFile, originalSymbol] = original === undefined ? [undefined, undefined] : [original.slice(0, original.lastIndexOf('#')), original.slice(original.lastIndexOf('#') + 1)];
  const reportedWriters = writersOf(finding.file, context);
  const originalWriters = originalFile === undefined ? [] : writersOf(originalFile, context);
  if (reportedWriters.length === 0 && originalWriters.length > 0 && originalFile !== undefined) {
    // The rule reported the copy this run did not write (it orders copies by git age, then
    // path; two copies git does not have yet tie): the finding moves to the one written here.
    const message = `\`${originalSymbol}\` has the same body as \`${finding.symbol}\` (${finding.file}:${finding.line}), which was there before, up to names and literals: a helper written twice. Reuse the existing one.`;
    return originalWriters.map((task) => toRunFinding(finding, { state, task, file: originalFile, line: null, symbol: originalSymbol ?? null, message, original: `${finding.file}#${finding.symbol ?? ''}` }));
  }
  const tasks = reportedWriters.length > 0 ? reportedWriters : fallback(finding, context);
  const extra = original !== undefined ? { original } : {};
  return tasks.length > 0 ? tasks.map((task) => toRunFinding(finding, { state, task, ...extra })) : [toRunFinding(finding, { state, ...extra })];
}

/** Nobody in this run wrote the file (a deletion elsewhere broke it): the gate's own tasks, by their promises and components. */
function fallback(finding: Finding, context: BlameContext): string[] {
  return [...attributeFindings([finding], context.judged, context.components).keys()];
}
