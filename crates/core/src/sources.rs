//! Citations for the service catalog's default numbers (research digest of
//! 2026-11-21, §2 and §3). Each knob default points at one of these.

use crate::model::cite as src;
use crate::model::{Confidence, Source};

/// Native measurements (Debian 12, kernel 6.18, 2 vCPU / 24 GiB), idle or near-idle PSS/RSS.
pub const MEASURED: Source = src(
    "StackFit measurement: native processes on Debian 12, 2 vCPU / 24 GiB (PSS and RSS via smem)",
    "",
    "2026-11-21",
    Confidence::B,
);
/// No sourced figure exists; a conservative planning budget the user should edit.
pub const PLANNER: Source = src(
    "StackFit planning assumption: no sourced figure; a conservative budget to replace with a measurement",
    "",
    "2026-11-21",
    Confidence::C,
);
pub const PG_RESOURCE: Source = src(
    "PostgreSQL documentation, Resource Consumption (shared_buffers 128MB, work_mem 4MB, maintenance_work_mem 64MB) and Connections (max_connections 100)",
    "https://www.postgresql.org/docs/current/runtime-config-resource.html",
    "2026-11-21",
    Confidence::A,
);
pub const PG_CONNECTION: Source = src(
    "Andres Freund, Measuring the memory overhead of a Postgres connection (< 2 MiB per idle connection)",
    "https://blog.anarazel.de/2020/10/07/measuring-the-memory-overhead-of-a-postgres-connection/",
    "2020-10-07",
    Confidence::B,
);
pub const PG_PARALLEL: Source = src(
    "PostgreSQL documentation, max_parallel_workers_per_gather default 2; parallel queries use dynamic shared memory (/dev/shm)",
    "https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-MAX-PARALLEL-WORKERS-PER-GATHER",
    "2026-11-21",
    Confidence::A,
);
pub const MYSQL_DEFAULTS: Source = src(
    "MySQL 8.0/8.4 Reference Manual: innodb_buffer_pool_size 128M, max_connections 151, thread_stack 1M, sort/join/read buffers",
    "https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html",
    "2026-11-21",
    Confidence::A,
);
pub const MYSQL_PS: Source = src(
    "apecloud/kubeblocks#3238: performance_schema takes about 250 MB; disable it under 1 GB",
    "https://github.com/apecloud/kubeblocks/issues/3238",
    "2026-11-21",
    Confidence::B,
);
pub const MYSQL_IDLE: Source = src(
    "laradock#3496 comment: an idle MySQL 8.0 container takes about 400 MB (base = 400 − P_S − buffer pool)",
    "https://github.com/laradock/laradock/issues/3496",
    "2026-11-21",
    Confidence::C,
);
pub const MONGO_WT: Source = src(
    "MongoDB manual, WiredTiger memory use: cache = max(50 % of (RAM − 1 GB), 256 MB); maxIndexBuildMemoryUsageMegabytes 200",
    "https://www.mongodb.com/docs/manual/core/wiredtiger/#memory-use",
    "2026-11-21",
    Confidence::A,
);
pub const REDIS_PERSIST: Source = src(
    "redis.io administration: while saving an RDB or rewriting the AOF Redis may use up to 2 times the memory normally used; redis.conf default save rules",
    "https://redis.io/docs/latest/operate/oss_and_stack/management/admin/",
    "2026-11-21",
    Confidence::A,
);
pub const REDIS_MAXMEMORY: Source = src(
    "redis.io key eviction: maxmemory 0 (no limit) by default on 64-bit; RSS = used_memory × fragmentation",
    "https://redis.io/docs/latest/develop/reference/eviction/",
    "2026-11-21",
    Confidence::A,
);
pub const VALKEY_DOCS: Source = src(
    "valkey.io: Valkey is a fork of Redis 7.2.4 with the same memory, maxmemory and persistence model",
    "https://valkey.io/topics/",
    "2026-11-21",
    Confidence::A,
);
pub const MEMCACHED_DOCS: Source = src(
    "memcached -h: -m, --memory-limit item memory in megabytes (default: 64)",
    "https://github.com/memcached/memcached/wiki/ConfiguringServer",
    "2026-11-21",
    Confidence::A,
);
pub const RABBITMQ_DOCS: Source = src(
    "RabbitMQ 3.13 docs, Memory threshold: vm_memory_high_watermark.relative default 0.4 (the 4.x docs, rabbitmq.com/docs/memory, give 0.6); use .absolute in containers; Erlang GC can double usage",
    "https://www.rabbitmq.com/docs/3.13/memory",
    "2026-11-21",
    Confidence::A,
);
pub const KAFKA_DOCS: Source = src(
    "apache/kafka bin/kafka-server-start.sh (-Xmx1G -Xms1G) and bin/zookeeper-server-start.sh (-Xmx512M -Xms512M)",
    "https://github.com/apache/kafka/blob/trunk/bin/kafka-server-start.sh",
    "2026-11-21",
    Confidence::A,
);
pub const ES_HEAP: Source = src(
    "elastic/elasticsearch MachineDependentHeap.java: default heap 50 % of available memory (container limit if set), 40 % under 1 GB, cap 31 GB",
    "https://github.com/elastic/elasticsearch/blob/main/distribution/tools/server-cli/src/main/java/org/elasticsearch/server/cli/MachineDependentHeap.java",
    "2026-11-21",
    Confidence::A,
);
pub const ES_OFFHEAP: Source = src(
    "GitLab samarbeid MR !693: an Elasticsearch container with -Xmx512m used 1.23–1.4 GB RSS (off-heap ≈ 700 MB)",
    "",
    "2026-11-21",
    Confidence::B,
);
pub const LOGSTASH_DOCS: Source = src(
    "elastic/logstash config/jvm.options: -Xms1g -Xmx1g",
    "https://www.elastic.co/guide/en/logstash/current/jvm-settings.html",
    "2026-11-21",
    Confidence::A,
);
/// Kibana's memory outside the heap and heap in use: no source gives them.
pub const KIBANA_ASSUMED: Source = src(
    "StackFit planning assumption: Kibana's process outside the heap and heap in use (250 MiB each); neither the Kibana memory docs nor ECK give these figures",
    "",
    "2026-11-21",
    Confidence::C,
);
pub const KIBANA_DOCS: Source = src(
    "Elastic docs, Kibana memory (heap from node.options) and ECK PR #1818: default request/limit 1Gi",
    "https://www.elastic.co/docs/deploy-manage/production-guidance/kibana-configure-memory",
    "2026-11-21",
    Confidence::A,
);
pub const NEO4J_DOCS: Source = src(
    "Neo4j memory management: total = heap + page cache + OS; unset page cache defaults to 50 % of available RAM",
    "https://neo4j.com/developer/kb/how-to-estimate-initial-memory-configuration/",
    "2026-11-21",
    Confidence::A,
);
pub const WEAVIATE_DOCS: Source = src(
    "Weaviate docs, Resource planning: memory ≈ 2 × (objects × dimensions × 4 B) for float32 vectors",
    "https://docs.weaviate.io/weaviate/concepts/resources",
    "2026-11-21",
    Confidence::A,
);
pub const PROMETHEUS_DOCS: Source = src(
    "Robust Perception, How much RAM does Prometheus 2.x need: ≈ 2–3 KB per active head series including Go GC; storage.tsdb.retention.time default 15d",
    "https://www.robustperception.io/how-much-ram-does-prometheus-2-x-need-for-cardinality-and-ingestion/",
    "2026-11-21",
    Confidence::B,
);
pub const GRAFANA_DOCS: Source = src(
    "Grafana v10 installation requirements: minimum 512 MB RAM, 1 CPU",
    "https://grafana.com/docs/grafana/v10.1/setup-grafana/installation/",
    "2026-11-21",
    Confidence::A,
);
pub const NGINX_BUDGET: Source = src(
    "suitenumerique/docs system-requirements.md: Nginx < 100 MB",
    "https://github.com/suitenumerique/docs/blob/main/docs/system-requirements.md",
    "2026-11-21",
    Confidence::C,
);
pub const GUNICORN_DOCS: Source = src(
    "Gunicorn docs: workers default 1; start with (2 × cores) + 1 workers (design, How many workers)",
    "https://docs.gunicorn.org/en/stable/design.html#how-many-workers",
    "2026-11-21",
    Confidence::A,
);
pub const UVICORN: Source = src(
    "Uvicorn settings: --workers defaults to 1 (or $WEB_CONCURRENCY)",
    "https://www.uvicorn.org/settings/",
    "2026-11-21",
    Confidence::A,
);
pub const SANIC_DOCS: Source = src(
    "Sanic docs, running: one worker process unless --workers/--fast is given",
    "https://sanic.dev/en/guide/running/running.html",
    "2026-11-21",
    Confidence::A,
);
pub const CELERY: Source = src(
    "Celery worker docs and man page: --concurrency defaults to the number of CPUs the host reports; --max-memory-per-child in KiB; gevent runs one process",
    "https://docs.celeryq.dev/en/stable/userguide/workers.html#concurrency",
    "2026-11-21",
    Confidence::A,
);
pub const SQLALCHEMY_POOL: Source = src(
    "SQLAlchemy connection pooling: QueuePool pool_size 5 + max_overflow 10 per engine, i.e. per process",
    "https://docs.sqlalchemy.org/en/20/core/pooling.html",
    "2026-11-21",
    Confidence::A,
);
pub const DOCKER_SHM: Source = src(
    "docker run --help: --shm-size defaults to 64MB; Chromium uses /dev/shm for IPC and crashes tabs when it fills (Playwright Docker docs: use --ipc=host)",
    "https://playwright.dev/docs/docker",
    "2026-11-21",
    Confidence::B,
);
pub const NODE_HEAP: Source = src(
    "nodejs/node PR #25576: the default old-space limit is derived from available memory (4144 MiB measured on 24 GiB); the ≈ ¼-of-a-cgroup-limit share is one third-party report, not verified",
    "https://github.com/nodejs/node/pull/25576",
    "2019-01-24",
    Confidence::C,
);
pub const JVM_ERGONOMICS: Source = src(
    "OpenJDK ergonomics: MaxRAMPercentage 25 % of RAM (the container limit with UseContainerSupport); -Xss 1 MiB on Linux x64",
    "https://docs.oracle.com/en/java/javase/17/docs/specs/man/java.html",
    "2026-11-21",
    Confidence::A,
);
pub const SPRING_FOOTPRINT: Source = src(
    "spring.io blog, Memory footprint of the JVM: Petclinic with -Xmx48M used ≈ 223 MB non-heap",
    "https://spring.io/blog/2019/03/11/memory-footprint-of-the-jvm",
    "2019-03-11",
    Confidence::B,
);
/// The Petclinic non-heap reused for JVM services nobody measured.
pub const SPRING_FOOTPRINT_PROXY: Source = src(
    "Proxy: Spring Petclinic's ≈ 223 MB non-heap (spring.io blog, Memory footprint of the JVM) reused for a JVM service that was not measured",
    "https://spring.io/blog/2019/03/11/memory-footprint-of-the-jvm",
    "2019-03-11",
    Confidence::C,
);
pub const GO_GC: Source = src(
    "Go GC guide: heap target = live heap × (1 + GOGC/100), GOGC 100; GOMEMLIMIT is a soft limit and unset by default",
    "https://go.dev/doc/gc-guide",
    "2026-11-21",
    Confidence::A,
);
pub const MINIO_DOCS: Source = src(
    "MinIO community single-node preallocates about 1–2 GiB (second-hand); suitenumerique/docs: 2 GB for dev",
    "https://docs.min.io/enterprise/aistor-object-store/reference/aistor-server/requirements/memory/",
    "2026-11-21",
    Confidence::C,
);
/// Figures quoted in the FinRep 2C4G/4C8G sizing report (reference scenario
/// S0). Only presets whose every value the report states cite this.
pub const REPORT_S0: Source = src(
    "FinRep daily-report sizing report (user report, reference scenario S0): lean 2C4G and standard 4C8G settings (web 1/2 workers, Celery concurrency 1/2, Redis --maxmemory 256mb --save \"\")",
    "",
    "2026-11-21",
    Confidence::C,
);
/// Presets that no report or document gives: the planner's own steps.
pub const PRESET_ASSUMED: Source = src(
    "StackFit planning assumption: preset values chosen by the planner, not taken from the S0 report or a document",
    "",
    "2026-11-21",
    Confidence::C,
);
/// `docker stats` on a 2 GiB Alibaba Cloud ECS (reference scenario S2's
/// report): six idle databases (MySQL, Neo4j, Elasticsearch, Weaviate,
/// PostgreSQL, Redis) used 3.47 % of one core in total.
pub const IDLE_CPU_S2: Source = src(
    "docker stats of six idle databases on a 2C2G Alibaba ECS (reference scenario S2 report): 3.47 % of a core in total",
    "",
    "2026-12-01",
    Confidence::B,
);
pub const CLICKHOUSE_RATIO: Source = src(
    "ClickHouse server settings: max_server_memory_usage_to_ram_ratio 0.9 (default); inside a cgroup with a finite limit the cgroup's memory is used",
    "https://clickhouse.com/docs/reference/settings/server-settings/settings/max-server-memory-usage",
    "2026-12-01",
    Confidence::A,
);
pub const CLICKHOUSE_STATS: Source = src(
    "future-agi/future-agi PR #2618: docker stats of a self-hosted stack, ClickHouse steady at 1148 MiB (idle start is ~200 MiB, ~1.5 GiB after an hour of system logs: ClickHouse#90553)",
    "https://github.com/future-agi/future-agi/pull/2618",
    "2026-09-08",
    Confidence::B,
);
pub const PUMA_WORKERS: Source = src(
    "puma/puma lib/puma/configuration.rb: workers from WEB_CONCURRENCY (unset = single mode), threads from RAILS_MAX_THREADS (Rails default 3)",
    "https://github.com/puma/puma/blob/ff2e2126ee2f0f97e21c57ce1967afde1b6f05a1/lib/puma/configuration.rb",
    "2026-07-21",
    Confidence::A,
);
pub const PUMA_MEMORY: Source = src(
    "thoughtbot/suspenders PR #630: a simple Rails app under Puma, master 117 MB, each worker 109 MB at boot and ~117 MB after the first request",
    "https://github.com/thoughtbot/suspenders/pull/630",
    "2015-10-20",
    Confidence::B,
);
pub const SIDEKIQ_CONCURRENCY: Source = src(
    "sidekiq/sidekiq lib/sidekiq/cli.rb: concurrency 5 unless RAILS_MAX_THREADS is set",
    "https://github.com/sidekiq/sidekiq/blob/1bb4aa06e5aa178a114a5e855f9f3d5c24f6c61b/lib/sidekiq/cli.rb",
    "2026-08-17",
    Confidence::A,
);
pub const SIDEKIQ_MEMORY: Source = src(
    "sidekiq/sidekiq#1784: a fresh idle Sidekiq process with a Rails app, 187 MB RSS (225 MB in #1614)",
    "https://github.com/sidekiq/sidekiq/issues/1784",
    "2014-06-17",
    Confidence::B,
);
pub const BEAM_MEMORY: Source = src(
    "bitwalker/exrm#314: a Phoenix release's :erlang.memory total 36–97 MiB depending on the build (72 MiB in a Docker VM)",
    "https://github.com/bitwalker/exrm/issues/314",
    "2016-03-14",
    Confidence::B,
);
pub const PHP_FPM_POOL: Source = src(
    "php:fpm image www.conf: pm = dynamic, pm.max_children = 5 (quoted in matomo-org/docker#152)",
    "https://github.com/matomo-org/docker/issues/152",
    "2019-04-23",
    Confidence::B,
);
pub const PHP_FPM_CHILD: Source = src(
    "StackFit measurement: Debian 12 php8.2-fpm, an idle child after 50 trivial requests 11.5 MB RSS (4.5 MiB PSS), master 6.8 MB RSS; real apps: a Symfony child 250 MB (sclorg/s2i-php-container#416)",
    "https://github.com/sclorg/s2i-php-container/issues/416",
    "2026-12-01",
    Confidence::B,
);
pub const DOTNET_GC: Source = src(
    "dotnet/docs garbage collector: in a container with a memory limit the GC heap hard limit defaults to max(20 MB, 75 % of the limit)",
    "https://github.com/dotnet/docs/pull/50280",
    "2025-12-02",
    Confidence::A,
);
pub const DOTNET_MEMORY: Source = src(
    "dotnet/aspnetcore#53933: a .NET 6 web app at 250 MB after a fresh start (130 MB with memory and CPU limits: dotnet/corefx#33346)",
    "https://github.com/dotnet/aspnetcore/issues/53933",
    "2024-02-10",
    Confidence::B,
);
pub const OLLAMA_README: Source = src(
    "ollama/ollama README: at least 8 GB of RAM for 7B models, 16 GB for 13B, 32 GB for 33B",
    "https://github.com/ollama/ollama#model-library",
    "2026-12-01",
    Confidence::A,
);
pub const OLLAMA_MEMORY: Source = src(
    "ollama/ollama#11497: memory = model weights + OLLAMA_NUM_PARALLEL × context length × bytes per token",
    "https://github.com/ollama/ollama/issues/11497",
    "2025-07-23",
    Confidence::B,
);
/// Figures from the EuraFlow order-sync report (reference scenario S3).
pub const REPORT_S3: Source = src(
    "EuraFlow order-sync sizing report (user report, reference scenario S3): each task uses 1–3 DB connections, 100–200 MB, 10–60 s",
    "",
    "2026-12-01",
    Confidence::C,
);
pub const PGBOUNCER_DOCS: Source = src(
    "PgBouncer configuration: max_client_conn 100, default_pool_size 20, pkt_buf 4096 bytes per connection buffer",
    "https://www.pgbouncer.org/config.html",
    "2026-12-01",
    Confidence::A,
);
/// What a JVM's heap holds in normal use, derived from published readings:
/// Kafka with a 1 GiB heap at 750 MiB in all (docker stats, 2015), a Spring
/// Boot app with a 3.9 GiB auto heap idling at 529 MiB (2022), ZooKeeper
/// with -Xmx1000m at 370 MiB RSS (2020): the heap in use is 15–50 % of its
/// maximum; 40 % is the planning figure.
pub const JVM_HEAP_IN_USE: Source = src(
    "StackFit planning figure derived from published JVM readings (Kafka 750 MiB at -Xmx1G, Spring Boot 529 MiB idle, ZooKeeper 370 MiB at -Xmx1000m): heap in use 15–50 % of the maximum",
    "https://github.com/confluentinc/cp-docker-images/issues/24",
    "2026-12-01",
    Confidence::C,
);
/// Redis containers of small installs in `docker stats`: 9 MiB in a
/// self-hosted stack's steady state (future-agi PR #2618) and 8 MiB in a
/// home install (Solectrus).
pub const REDIS_SMALL: Source = src(
    "docker stats of Redis in small installs: 9 MiB steady state (future-agi/future-agi PR #2618), 8 MiB (Solectrus home install)",
    "https://github.com/future-agi/future-agi/pull/2618",
    "2026-09-08",
    Confidence::B,
);
