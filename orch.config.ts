import { defineConfig } from 'orch-guard';

// orch-guard checks itself: CI runs `orch-guard validate` and `orch-guard gate validate` on
// this repository. The components below are its architecture, bottom layer first; `requires`
// is the allowed direction of imports, and `consumedBy` contracts say which integration
// points must really be wired in (used by live production code, not by tests or dead code).
export default defineConfig({
  // fixtures/ holds small example projects that the tests analyse, not part of this one.
  project: ['src/**', 'rules/**', 'test/**', 'scripts/**', '*.ts'],
  entries: ['src/cli/bin.ts', 'scripts/*.mjs'],
  components: {
    errors: { paths: ['src/errors.ts'] },
    files: { paths: ['src/files/**'] },
    git: { paths: ['src/git/**'], requires: ['errors'] },
    indexer: {
      paths: ['src/indexer/**'],
      requires: ['files'],
      provides: ['indexProject:function', 'indexSnapshot:function'],
      consumedBy: ['analyse'],
    },
    config: {
      paths: ['src/config/**'],
      requires: ['errors', 'files', 'indexer'],
      // The transpiled config imports `orch-guard`, rewritten to point at the package entry.
      mayImport: ['api'],
    },
    baseline: { paths: ['src/baseline/**'], requires: ['errors', 'files'] },
    graph: {
      paths: ['src/graph/**'],
      requires: ['indexer', 'project'],
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
      requires: ['baseline', 'config', 'contracts', 'files', 'graph', 'indexer'],
      provides: ['runRules:function', 'allRules:variable'],
      consumedBy: ['analyse'],
    },
    project: { paths: ['src/project/**', 'src/resolve/**'], requires: ['config', 'errors', 'files'] },
    registry: {
      paths: ['src/registry/**'],
      requires: ['rule-engine', 'graph', 'indexer'],
      provides: ['storeSymbolGraph:function', 'startRun:function', 'finishRun:function'],
      consumedBy: ['commands'],
    },
    report: {
      paths: ['src/report/**'],
      requires: ['rule-engine'],
      provides: ['reporters:variable'],
      consumedBy: ['cli'],
    },
    // The analysis: index → link → reach → rules, over the disk, a git snapshot or an overlay.
    analyse: {
      paths: ['src/analyse/**'],
      requires: ['rule-engine', 'baseline', 'config', 'contracts', 'files', 'graph', 'indexer', 'project', 'registry'],
    },
    cleanup: {
      paths: ['src/cleanup/**'],
      requires: ['rule-engine', 'errors', 'files', 'git', 'indexer', 'analyse', 'project', 'registry', 'report'],
      provides: ['runCleanup:function', 'runUndo:function', 'formatCleanupText:function', 'formatCleanupJson:function'],
      consumedBy: ['cli'],
    },
    // What the CLI commands run: validate, gates, queries, hooks, the PR report.
    commands: {
      paths: ['src/validate/**', 'src/gates/**', 'src/query/**', 'src/hook/**'],
      requires: ['rule-engine', 'baseline', 'cleanup', 'config', 'contracts', 'errors', 'files', 'git', 'graph', 'indexer', 'analyse', 'project', 'registry', 'report'],
      // The hook installer writes the path of the CLI's bin file into the git hook.
      mayImport: ['cli'],
    },
    // `orch-guard run`: the orchestration pipeline, its process control and durable state.
    orchestrate: {
      paths: ['src/orchestrate/**'],
      requires: ['rule-engine', 'cleanup', 'commands', 'config', 'errors', 'files', 'analyse', 'registry'],
      provides: ['runPipeline:function', 'dryRunPipeline:function', 'readPipelineStatus:function'],
      consumedBy: ['cli'],
    },
    cli: { paths: ['src/cli/**'], requires: ['cleanup', 'commands', 'errors', 'git', 'analyse', 'report', 'orchestrate'] },
    api: { paths: ['src/index.ts'], requires: ['rule-engine', 'commands', 'config'] },
  },
});
