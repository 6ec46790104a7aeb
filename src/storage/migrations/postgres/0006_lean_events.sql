-- The lean event log is already the PostgreSQL schema (0001_foundation); nothing to convert.
SELECT 1;
