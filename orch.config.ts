import { defineConfig } from 'orch-guard';

// orch-guard checks itself: CI runs `orch-guard validate` on this repository.
export default defineConfig({
  // fixtures/ holds small example projects that are analysed by the tests, not part of this one.
  project: ['src/**', 'rules/**', 'test/**', 'scripts/**', '*.ts'],
  entries: ['src/cli/bin.ts', 'scripts/*.mjs'],
});
