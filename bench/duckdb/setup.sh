#!/usr/bin/env bash
# Installs DuckDB (@duckdb/node-api, pinned in package-lock.json) for assessment_bench's DuckDB
# run: the bench's own set-up, never run by ./run or ./test.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
