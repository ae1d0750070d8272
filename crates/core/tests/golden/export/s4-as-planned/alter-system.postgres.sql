-- PostgreSQL postgres on server a "A — master 8C16G" (option as-planned "As planned: A 8C16G + B 4C8G")
-- for a 2368 MiB memory limit, 8 vCPU, Ssd disk: PGTune's web profile on the limit, not the host's RAM,
-- except where the plan holds a value (the docker-compose file passes the same settings with -c).
-- the plan holds shared_buffers_mib = 128; PGTune for this limit gives 592 (the planner offers the fix)
-- the plan holds work_mem_mib = 4; PGTune for this limit gives 5 (the planner offers the fix)
-- the plan holds maintenance_work_mem_mib = 64; PGTune for this limit gives 148 (the planner offers the fix)
-- the plan holds max_parallel_workers_per_gather = 2; PGTune for this limit gives 4 (the planner offers the fix)
-- Run as a superuser (psql -f), then restart PostgreSQL: several settings need a restart.
ALTER SYSTEM SET max_connections = '100';  -- the plan's value
ALTER SYSTEM SET shared_buffers = '128MB';  -- the plan's value
ALTER SYSTEM SET effective_cache_size = '1776MB';  -- 3 × limit / 4 (PGTune)
ALTER SYSTEM SET maintenance_work_mem = '64MB';  -- the plan's value
ALTER SYSTEM SET work_mem = '4MB';  -- the plan's value
ALTER SYSTEM SET wal_buffers = '16MB';  -- 3 % of shared_buffers, ≤ 16MB (PGTune)
ALTER SYSTEM SET min_wal_size = '1024MB';  -- PGTune (web)
ALTER SYSTEM SET max_wal_size = '4096MB';  -- PGTune (web)
ALTER SYSTEM SET checkpoint_completion_target = '0.9';  -- PGTune's fixed value
ALTER SYSTEM SET default_statistics_target = '100';  -- PGTune (web)
ALTER SYSTEM SET random_page_cost = '1.1';  -- 1.1 on SSD, 4 on HDD (PGTune)
ALTER SYSTEM SET effective_io_concurrency = '200';  -- by disk: HDD 2, SSD 200, SAN 300, NVMe 1000 (PGTune)
ALTER SYSTEM SET huge_pages = 'off';  -- try from 2 GB of shared_buffers (PGTune)
ALTER SYSTEM SET max_worker_processes = '8';  -- the CPUs (PGTune)
ALTER SYSTEM SET max_parallel_workers = '8';  -- the CPUs (PGTune)
ALTER SYSTEM SET max_parallel_maintenance_workers = '4';  -- ⌈CPUs / 2⌉, at most 4 (PGTune)
ALTER SYSTEM SET max_parallel_workers_per_gather = '2';  -- the plan's value
