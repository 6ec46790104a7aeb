-- Sampling plans of inspections (src/inspection/sampling.h): per cycle (a week or a month) a draw of
-- resolved tickets, reproducible from the seed each run records, that makes assigned inspections.
CREATE TABLE sampling_plans (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  cycle          TEXT NOT NULL,  -- week | month
  department_ids TEXT NOT NULL,  -- JSON array: the scope (each with its subtree)
  quota          TEXT NOT NULL,  -- percent | per_agent
  amount         INTEGER NOT NULL,
  by_channel     INTEGER NOT NULL,
  by_type        INTEGER NOT NULL,
  complaints     INTEGER NOT NULL,
  breaches       INTEGER NOT NULL,
  scorecard_id   INTEGER NOT NULL REFERENCES scorecards(id),
  inspector_ids  TEXT NOT NULL,  -- JSON array, the round-robin order
  active         INTEGER NOT NULL DEFAULT 1,
  created_by     INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
);

-- One draw: the cycle it is for, its seed, and the coverage per agent (JSON) as it was.
CREATE TABLE sampling_runs (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES sampling_plans(id),
  cycle_start  INTEGER NOT NULL,
  cycle_end    INTEGER NOT NULL,
  seed         INTEGER NOT NULL,
  candidates   INTEGER NOT NULL,
  drawn        INTEGER NOT NULL,
  coverage     TEXT NOT NULL,
  created_by   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX sampling_runs_plan ON sampling_runs(plan_id, cycle_start);

-- Every ticket a plan sampled in a cycle, once: the key keeps a second run from drawing it again.
CREATE TABLE sampled_tickets (
  plan_id        INTEGER NOT NULL REFERENCES sampling_plans(id),
  cycle_start    INTEGER NOT NULL,
  ticket_id      INTEGER NOT NULL,
  run_id         INTEGER NOT NULL REFERENCES sampling_runs(id),
  inspection_id  INTEGER NOT NULL REFERENCES inspections(id),
  PRIMARY KEY (plan_id, cycle_start, ticket_id)
);
