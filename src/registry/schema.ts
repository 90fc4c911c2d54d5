/**
 * The registry schema, defined once. `MIGRATIONS[i]` upgrades a database at version i to
 * version i + 1; a fresh database runs them all. PRAGMA user_version records the version.
 * Documented in docs/registry.md.
 */
export const MIGRATIONS: readonly string[] = [
  // 0 → 1: files with cached facts, the symbol graph, module edges, runs and findings.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ms REAL NOT NULL,
    facts_version INTEGER NOT NULL,
    facts TEXT NOT NULL,
    link_hash TEXT
  );
  CREATE TABLE symbols (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    local_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    line INTEGER NOT NULL,
    column INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    parent_index INTEGER,
    exported INTEGER NOT NULL,
    signature TEXT,
    body_hash TEXT,
    PRIMARY KEY (file_id, local_index)
  ) WITHOUT ROWID;
  CREATE INDEX symbols_by_name ON symbols(name);
  CREATE TABLE symbol_references (
    from_file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    from_index INTEGER NOT NULL,
    to_file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    to_index INTEGER NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE INDEX symbol_references_by_target ON symbol_references(to_file_id, to_index);
  CREATE INDEX symbol_references_by_source ON symbol_references(from_file_id);
  CREATE TABLE module_edges (
    from_file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    specifier TEXT NOT NULL,
    form TEXT NOT NULL,
    line INTEGER NOT NULL,
    column INTEGER NOT NULL,
    resolution TEXT NOT NULL,
    target TEXT
  );
  CREATE INDEX module_edges_by_source ON module_edges(from_file_id);
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    options TEXT NOT NULL,
    file_count INTEGER,
    parsed_count INTEGER,
    exit_code INTEGER
  );
  CREATE TABLE findings (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    column INTEGER NOT NULL,
    symbol TEXT,
    kind TEXT,
    reason TEXT,
    message TEXT NOT NULL,
    fingerprint TEXT NOT NULL
  );
  CREATE INDEX findings_by_run ON findings(run_id);
  `,
  // 1 → 2: facts of file versions that are not in the working tree (HEAD, the index, a base
  // ref), by git blob id, so --staged and --changed-since parse each version once.
  `
  CREATE INDEX files_by_hash ON files(hash);
  CREATE TABLE blob_facts (
    hash TEXT PRIMARY KEY,
    facts_version INTEGER NOT NULL,
    facts TEXT NOT NULL,
    used_at INTEGER NOT NULL
  );
  `,
  // 2 → 3: phase gate verdicts (plan, build, validate, cleanup) with the findings they judged.
  `
  CREATE TABLE gate_results (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    component TEXT,
    verdict TEXT NOT NULL,
    findings TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX gate_results_by_run ON gate_results(run_id);
  `,
  // 3 → 4: applied cleanups, with each file's content before and after, for exact undo.
  `
  CREATE TABLE cleanups (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE TABLE cleanup_files (
    cleanup_id INTEGER NOT NULL REFERENCES cleanups(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    action TEXT NOT NULL,
    before_hash TEXT,
    after_hash TEXT,
    before_content BLOB,
    removed_symbols TEXT NOT NULL,
    PRIMARY KEY (cleanup_id, path)
  );
  `,
  // 4 → 5: runs of the orchestration pipeline (`orch-guard run`): the run (whose `status =
  // 'running'` row with a live pid is the lock), its tasks, every attempt, and gate verdicts.
  `
  CREATE TABLE pipeline_runs (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    pid INTEGER NOT NULL,
    pid_started TEXT,
    config_hash TEXT NOT NULL,
    options TEXT NOT NULL,
    basis TEXT,
    started_at TEXT NOT NULL,
    resumed_at TEXT,
    finished_at TEXT,
    exit_code INTEGER
  );
  CREATE TABLE pipeline_tasks (
    run_id INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    wave INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    attempts INTEGER NOT NULL,
    exit_code INTEGER,
    started_at TEXT,
    finished_at TEXT,
    duration_ms INTEGER,
    PRIMARY KEY (run_id, task_id)
  ) WITHOUT ROWID;
  CREATE TABLE pipeline_attempts (
    run_id INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    pid INTEGER,
    pid_started TEXT,
    log_file TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT,
    exit_code INTEGER,
    signal TEXT,
    duration_ms INTEGER,
    reason TEXT,
    PRIMARY KEY (run_id, task_id, attempt)
  ) WITHOUT ROWID;
  CREATE TABLE pipeline_gates (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    wave INTEGER,
    tasks TEXT NOT NULL,
    verdict TEXT NOT NULL,
    detail TEXT NOT NULL,
    fingerprints TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX pipeline_gates_by_run ON pipeline_gates(run_id);
  `,
  // 5 → 6: one name per concept. `runs` (validate and gate runs) becomes `validate_runs`, so it
  // cannot be taken for the pipeline's runs; the two caches that were JSON strings in the
  // untyped `meta` table get tables of their own (both are caches: their rows are not carried over).
  `
  ALTER TABLE runs RENAME TO validate_runs;
  DROP TABLE meta;
  CREATE TABLE validate_result_cache (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT NOT NULL,
    findings TEXT NOT NULL,
    notices TEXT NOT NULL,
    disk_lookups TEXT NOT NULL
  );
  CREATE TABLE base_findings (
    key TEXT PRIMARY KEY,
    fingerprints TEXT NOT NULL,
    used_at INTEGER NOT NULL
  );
  `,
  // 6 → 7: knip's last answer (tool entries and dependency issues) with what it depended on: the
  // hash of the project's file list and the content hash of each file knip read.
  `
  CREATE TABLE knip_answer (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    list_hash TEXT NOT NULL,
    file_hashes TEXT NOT NULL,
    answer TEXT NOT NULL
  );
  `,
  // 7 → 8: what each attempt of a pipeline task changed (content hashes before and after:
  // blame follows what a task wrote), every gate's findings as rows (who was blamed), and how
  // long each gate took (for `orch-guard metrics`).
  `
  CREATE TABLE pipeline_changes (
    run_id INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    path TEXT NOT NULL,
    before_hash TEXT,
    after_hash TEXT,
    PRIMARY KEY (run_id, task_id, attempt, path)
  ) WITHOUT ROWID;
  CREATE TABLE pipeline_findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES pipeline_runs(id) ON DELETE CASCADE,
    gate_id INTEGER NOT NULL REFERENCES pipeline_gates(id) ON DELETE CASCADE,
    task_id TEXT,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    state TEXT NOT NULL,
    file TEXT,
    line INTEGER,
    symbol TEXT,
    component TEXT,
    consumer TEXT,
    fingerprint TEXT NOT NULL,
    message TEXT NOT NULL,
    fix TEXT NOT NULL,
    waiting_for TEXT,
    original TEXT
  );
  CREATE INDEX pipeline_findings_by_run ON pipeline_findings(run_id);
  ALTER TABLE pipeline_gates ADD COLUMN duration_ms INTEGER;
  `,
  // 8 → 9: cleanups become a crash-safe journal. A cleanup is recorded (status 'pending', with
  // each file's bytes and mode before) before its first write; every content it is about to
  // write is noted first (cleanup_writes); it is marked 'applied' after verification. A
  // 'pending' cleanup whose process is gone is rolled back when the registry is next opened.
  `
  ALTER TABLE cleanups ADD COLUMN root TEXT;
  ALTER TABLE cleanup_files ADD COLUMN before_mode INTEGER;
  CREATE TABLE cleanup_writes (
    cleanup_id INTEGER NOT NULL REFERENCES cleanups(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (cleanup_id, path, hash)
  ) WITHOUT ROWID;
  `,
  // 9 → 10: the cache is keyed by content. stat_key is the stat (size, mtime, ctime, inode) that
  // may spare reading an unchanged file, set only when the file had settled before the scan;
  // skipped marks facts of a file that was not analysed (too large, binary): never reused.
  `
  ALTER TABLE files ADD COLUMN stat_key TEXT;
  ALTER TABLE files ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
  `,
  // 10 → 11: the graph the queries read (`registry find`, `usage`, `why`), with what it depended on:
  // a key of the project's inputs, each file's stat and content hash, and the disk lookups made.
  `
  CREATE TABLE query_view (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT NOT NULL,
    file_stamps TEXT NOT NULL,
    disk_lookups TEXT NOT NULL,
    notices TEXT NOT NULL,
    view TEXT NOT NULL
  );
  `,
  // 11 → 12: when each file was added to git, as read at one HEAD (duplicate-implementation asks
  // `git log --diff-filter=A`, which walks the whole history): valid while HEAD is that commit.
  `
  CREATE TABLE file_ages (
    path TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    added_at INTEGER
  ) WITHOUT ROWID;
  `,
  // 12 → 13: what loading the project read from the disk when the query view and the validate
  // result were stored (files with their stat and hash, listings, probes, git's file list), so a
  // query or a warm validate can tell that nothing changed without loading the project (see
  // src/registry/project-stamp.ts), or NULL.
  `
  ALTER TABLE query_view ADD COLUMN project_stamp TEXT;
  ALTER TABLE validate_result_cache ADD COLUMN project_stamp TEXT;
  `,
  // 13 → 14: the owner and group of each file a cleanup journals, so undoing the deletion of a
  // file (run by root, or another user) gives it back to whoever owned it.
  `
  ALTER TABLE cleanup_files ADD COLUMN before_uid INTEGER;
  ALTER TABLE cleanup_files ADD COLUMN before_gid INTEGER;
  `,
  // 14 → 15: the stored query view in parts (src/query/stored-view.ts), each read only by the
  // queries that need it; query_view.view then holds the list of parts. Views stored before are
  // no longer read (their version is in their key).
  `
  CREATE TABLE query_view_parts (
    name TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
