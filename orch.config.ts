import { defineConfig } from 'orch-guard';

// orch-guard checks itself: CI runs `orch-guard validate` and `orch-guard gate validate` on
// this repository. The components below are its architecture, bottom layer first; `requires`
// is the allowed direction of imports, and `consumedBy` contracts say which integration
// points must really be wired in (used by live production code, not by tests or dead code).
export default defineConfig({
  extends: 'recommended',
  // fixtures/ holds small example projects that the tests analyse, not part of this one.
  project: ['src/**', 'rules/**', 'test/**', 'scripts/**', '*.ts'],
  entries: ['src/cli/bin.ts', 'scripts/*.mjs'],
  components: {
    // The bottom: no orch-guard imports of their own beyond errors.
    errors: { paths: ['src/errors.ts'] },
    'package-version': { paths: ['src/package-version.ts'] },
    files: { paths: ['src/files/**'], requires: ['errors'] },
    process: { paths: ['src/process/**'] },
    typescript: { paths: ['src/typescript/**'] },
    git: { paths: ['src/git/**'], requires: ['errors'] },
    config: { paths: ['src/config/**'], requires: ['errors', 'files', 'typescript'] },
    // package.json, tsconfig and workspaces as data: what resolution and the project read.
    manifests: { paths: ['src/manifests/**'], requires: ['errors', 'files'] },
    resolve: { paths: ['src/resolve/**'], requires: ['files', 'manifests'] },
    project: { paths: ['src/project/**'], requires: ['config', 'errors', 'files', 'manifests', 'resolve'] },
    indexer: {
      paths: ['src/indexer/**'],
      requires: ['files', 'typescript'],
      provides: ['indexProject:function', 'indexSnapshot:function', 'startParseWorkersAhead:function', 'dropParseWorkersAhead:function', 'parseThreadsFor:function', 'MAX_PARSE_THREADS_BYTES:variable'],
      consumedBy: ['analyse'],
    },
    baseline: { paths: ['src/baseline/**'], requires: ['errors', 'files'] },
    graph: {
      paths: ['src/graph/**'],
      requires: ['indexer', 'resolve'],
      provides: ['buildSymbolGraph:function', 'createGraphFiles:function', 'collectRoots:function', 'computeLiveness:function'],
      consumedBy: ['analyse'],
    },
    contracts: {
      paths: ['src/contracts/**'],
      requires: ['config', 'files', 'graph'],
      provides: ['buildContractModel:function'],
      consumedBy: ['analyse'],
    },
    'rule-engine': {
      paths: ['src/rule-engine/**', 'rules/**'],
      requires: ['baseline', 'config', 'contracts', 'files', 'graph', 'indexer', 'manifests', 'resolve'],
      provides: ['runRules:function', 'allRules:variable'],
      consumedBy: ['analyse'],
    },
    // Owns every table: no SQL outside it.
    registry: {
      paths: ['src/registry/**'],
      requires: ['rule-engine', 'errors', 'files', 'graph', 'indexer', 'resolve'],
      provides: ['storeSymbolGraph:function', 'startValidateRun:function', 'finishValidateRun:function'],
      consumedBy: ['validate'],
    },
    // knip's plugins: the entries of ~150 frameworks and tools, and dependency issues (cached).
    knip: { paths: ['src/knip/**'], requires: ['files', 'project', 'registry', 'resolve', 'rule-engine'] },
    // Pictures of the graph (files, components, a symbol's neighbourhood) and their renderers.
    picture: { paths: ['src/picture/**'], requires: ['config', 'contracts', 'errors', 'graph', 'report', 'rule-engine'] },
    // The analysis: index → link → reach → rules, over the disk, a git snapshot or an overlay.
    analyse: {
      paths: ['src/analyse/**'],
      requires: ['rule-engine', 'baseline', 'config', 'contracts', 'files', 'git', 'graph', 'indexer', 'knip', 'manifests', 'project', 'registry', 'resolve'],
    },
    cleanup: {
      paths: ['src/cleanup/**'],
      requires: ['rule-engine', 'errors', 'files', 'git', 'indexer', 'analyse', 'process', 'project', 'registry', 'typescript'],
      provides: ['runCleanup:function', 'runUndo:function'],
      consumedBy: ['cli'],
    },
    // What the CLI commands run.
    validate: { paths: ['src/validate/**'], requires: ['rule-engine', 'analyse', 'baseline', 'config', 'errors', 'files', 'git', 'indexer', 'knip', 'package-version', 'project', 'registry', 'resolve'] },
    gates: { paths: ['src/gates/**'], requires: ['rule-engine', 'analyse', 'baseline', 'contracts', 'errors', 'project', 'registry'] },
    query: { paths: ['src/query/**'], requires: ['rule-engine', 'analyse', 'config', 'errors', 'files', 'graph', 'indexer', 'knip', 'picture', 'project', 'registry', 'resolve'] },
    hook: { paths: ['src/hook/**'], requires: ['errors', 'files', 'git', 'process'] },
    // Pure reporters: (result, options) → string, for validate, gates and cleanup results.
    report: {
      paths: ['src/report/**'],
      requires: ['rule-engine', 'cleanup', 'gates', 'package-version'],
      provides: ['reporters:variable', 'formatCleanupText:function', 'formatCleanupJson:function'],
      consumedBy: ['cli'],
    },
    // `orch-guard report`: the working tree against a base, as a PR comment.
    'pr-report': { paths: ['src/pr-report/**'], requires: ['rule-engine', 'analyse', 'baseline', 'cleanup', 'graph', 'picture', 'project', 'report', 'validate'] },
    // `orch-guard run`: the orchestration pipeline, its process control and durable state.
    orchestrate: {
      paths: ['src/orchestrate/**'],
      requires: ['rule-engine', 'analyse', 'cleanup', 'config', 'errors', 'files', 'gates', 'process', 'registry'],
      provides: ['runPipeline:function', 'dryRunPipeline:function', 'readPipelineStatus:function'],
      consumedBy: ['cli'],
    },
    // `orch-guard init`: a config and the project's hooks and CI written from what is detected.
    init: { paths: ['src/init/**'], requires: ['cleanup', 'errors', 'files', 'git', 'hook', 'manifests'] },
    // `orch-guard mcp`: the registry, checks and rule docs as Model Context Protocol tools for agents.
    mcp: { paths: ['src/mcp/**'], requires: ['analyse', 'api', 'errors', 'query', 'rule-engine'] },
    cli: {
      paths: ['src/cli/**'],
      requires: ['cleanup', 'errors', 'files', 'init', 'mcp', 'gates', 'git', 'hook', 'analyse', 'orchestrate', 'package-version', 'pr-report', 'process', 'query', 'report', 'validate'],
    },
    // The package API: defineConfig (light), validate/format/gate/cleanup (loading the analysis lazily).
    api: { paths: ['src/index.ts', 'src/api/**'], requires: ['rule-engine', 'cleanup', 'config', 'errors', 'gates', 'report', 'validate'] },
  },
});
