//! Compose import: every feature on real-looking compose files. The SaaS
//! fixture (tests/import/saas/) exercises most of them together, as a
//! real project does; smaller snippets pin one feature each.

use stackfit_core::import::{compose, By, ComposeImport, ComposeInput, Idle, InputFile, Outcome};
use stackfit_core::model::Placement;

const TIER: &str = "aliyun-ecs-g7-2xlarge";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Imports inline files: the first `n` are `-f` files, the rest others.
fn import(
    compose_files: &[(&str, &str)],
    others: &[(&str, &str)],
    env: Option<&str>,
) -> ComposeImport {
    compose(&ComposeInput {
        files: compose_files
            .iter()
            .map(|(n, t)| InputFile::new(n, t.as_bytes()))
            .collect(),
        others: others
            .iter()
            .map(|(n, t)| InputFile::new(n, t.as_bytes()))
            .collect(),
        env: env.map(|e| InputFile::new(".env", e.as_bytes())),
        tier: TIER,
        ..Default::default()
    })
}

fn one(yaml: &str) -> ComposeImport {
    import(&[("compose.yaml", yaml)], &[], None)
}

fn placement<'a>(got: &'a ComposeImport, id: &str) -> &'a Placement {
    let plan = got
        .plan
        .as_ref()
        .unwrap_or_else(|| panic!("no plan: {:#?}", got.errors));
    plan.options[0].servers[0]
        .placements
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no placement {id}"))
}

fn saas() -> ComposeImport {
    let files = ["docker-compose.yml", "docker-compose.override.yml"]
        .map(|n| (n, fixture(&format!("saas/{n}"))));
    let others =
        ["monitoring.yml", "common.yml", "backend.env"].map(|n| (n, fixture(&format!("saas/{n}"))));
    let env = fixture("saas/.env");
    compose(&ComposeInput {
        files: files.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
        others: others.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
        env: Some(InputFile::new(".env", &env)),
        tier: TIER,
        ..Default::default()
    })
}

#[test]
fn a_real_saas_stack_imports_in_one_step() {
    let got = saas();
    assert!(got.is_ok(), "{:#?}", got.errors);
    assert_eq!(got.project.as_deref(), Some("shop"));
    let plan = got.plan.as_ref().unwrap();
    assert_eq!(plan.options.len(), 1);
    assert_eq!(plan.options[0].servers.len(), 1);
    assert_eq!(plan.options[0].servers[0].tier, TIER);
    let ids: Vec<&str> = plan.options[0].servers[0]
        .placements
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "db",
            "cache",
            "web",
            "worker-default",
            "worker-scrape",
            "beat",
            "search",
            "frontend",
            "mailhog",
            "prometheus",
            "grafana"
        ]
    );
    // The plan passes the codec's validation untouched.
    let back = stackfit_core::codec::from_json(&stackfit_core::codec::to_json(plan)).unwrap();
    assert!(back.fixes.is_empty(), "{:?}", back.fixes);
    // And it evaluates.
    let report = stackfit_core::evaluate(plan);
    assert!(report.option("imported").is_some());
}

#[test]
fn images_map_to_the_catalog_whatever_the_registry_tag_or_digest() {
    let got = saas();
    let outcome = |n: &str| got.service(n).unwrap().outcome.clone();
    assert_eq!(
        outcome("db"),
        Outcome::Recognised {
            service: "postgres",
            by: By::Image
        }
    );
    assert_eq!(
        outcome("cache"),
        Outcome::Recognised {
            service: "redis",
            by: By::Image
        }
    );
    assert_eq!(
        outcome("search"),
        Outcome::Recognised {
            service: "elasticsearch",
            by: By::Image
        }
    );
    assert_eq!(
        outcome("prometheus"),
        Outcome::Recognised {
            service: "prometheus",
            by: By::Image
        }
    );
    assert_eq!(
        outcome("grafana"),
        Outcome::Recognised {
            service: "grafana",
            by: By::Image
        }
    );
    assert!(got.service("db").unwrap().en.contains("PostgreSQL"));
    assert!(got.service("db").unwrap().zh.contains("镜像"));
}

#[test]
fn own_code_is_recognised_by_its_command_and_marked() {
    let got = saas();
    let web = got.service("web").unwrap();
    assert_eq!(
        web.outcome,
        Outcome::Recognised {
            service: "gunicorn",
            by: By::Command
        }
    );
    assert!(web.own_code);
    assert_eq!(
        got.service("worker-default").unwrap().outcome,
        Outcome::Recognised {
            service: "celery-prefork",
            by: By::Command
        }
    );
    assert_eq!(
        got.service("worker-scrape").unwrap().outcome,
        Outcome::Recognised {
            service: "celery-gevent",
            by: By::Command
        }
    );
    assert_eq!(
        got.service("beat").unwrap().outcome,
        Outcome::Recognised {
            service: "celery-beat",
            by: By::Command
        }
    );
    assert!(placement(&got, "web")
        .note
        .contains("Your own code, built from ./backend"));
}

#[test]
fn unknown_images_become_the_custom_service_marked_assumed() {
    let got = saas();
    let fe = got.service("frontend").unwrap();
    assert_eq!(fe.outcome, Outcome::Assumed { service: "custom" });
    assert!(fe.en.contains("not in the catalog"), "{}", fe.en);
    assert!(fe.zh.contains("目录中没有"), "{}", fe.zh);
    let p = placement(&got, "frontend");
    assert_eq!(p.service, "custom");
    assert!(p.note.contains("ghcr.io/shop/frontend:2.3.1"), "{}", p.note);
    assert_eq!(p.limit_mib, Some(512));
}

#[test]
fn one_shot_jobs_replicas_zero_and_profiles_are_not_running() {
    let got = saas();
    let why = |n: &str| match &got.service(n).unwrap().outcome {
        Outcome::NotRunning(w) => Some(w.clone()),
        _ => None,
    };
    assert_eq!(why("migrate"), Some(Idle::OneShot));
    assert_eq!(why("sessions"), Some(Idle::ScaledToZero));
    assert_eq!(
        why("debug-tools"),
        Some(Idle::ProfileOff {
            profiles: vec!["debug".into()]
        })
    );
    // COMPOSE_PROFILES=dev in the .env enables mailhog.
    assert!(matches!(
        got.service("mailhog").unwrap().outcome,
        Outcome::Assumed { .. }
    ));
    // web's dependency on the migration job is dropped, the others kept.
    assert_eq!(placement(&got, "web").depends_on, ["db", "cache"]);
    assert!(got
        .ignored
        .iter()
        .any(|n| n.code == "dependency-not-running" && n.service.as_deref() == Some("web")));
}

#[test]
fn command_flags_and_environment_land_on_the_kinds_knobs() {
    let got = saas();
    let db = placement(&got, "db");
    assert_eq!(db.knobs["shared_buffers_mib"], 512, "from the .env");
    assert_eq!(db.knobs["max_connections"], 200);
    assert_eq!(db.knobs["work_mem_mib"], 8);
    assert_eq!(db.limit_mib, Some(2048));
    assert_eq!(db.shm_mib, Some(256));
    assert!(got
        .ignored
        .iter()
        .any(|n| n.code == "setting-unused" && n.en.contains("effective_cache_size")));
    assert!(got
        .ignored
        .iter()
        .any(|n| n.code == "reservation" && n.service.as_deref() == Some("db")));

    let policy = got
        .service("cache")
        .unwrap()
        .read
        .iter()
        .find(|n| n.en.contains("--maxmemory-policy"))
        .unwrap();
    assert!(
        policy.en.ends_with("maxmemory-policy allkeys-lru"),
        "{}",
        policy.en
    );
    let cache = placement(&got, "cache");
    assert_eq!(cache.knobs["maxmemory_mib"], 256);
    assert_eq!(
        cache.knobs["policy"], 1,
        "allkeys-lru from the override file"
    );
    assert_eq!(
        cache.limit_mib,
        Some(512),
        "deploy limit from the merged anchor"
    );

    let web = placement(&got, "web");
    assert_eq!(
        web.knobs["workers"], 5,
        "the override's command beats WEB_CONCURRENCY from env_file"
    );
    assert_eq!(web.replicas, 2);
    assert_eq!(web.limit_mib, Some(1024), "the override's deploy limit");

    let w = placement(&got, "worker-default");
    assert_eq!(w.knobs["concurrency"], 4);
    assert_eq!(w.knobs["max_tasks_per_child"], 100);
    assert_eq!(w.knobs["max_memory_per_child_kib"], 204_800);
    assert_eq!(w.limit_mib, Some(512), "from a list of merges");
    assert_eq!(w.queues, ["default", "emails"], "-Q lands on the placement");

    let s = placement(&got, "worker-scrape");
    assert_eq!(s.knobs["concurrency"], 50);
    assert!(s.note.contains("tmpfs /tmp up to 128 MiB"), "{}", s.note);

    assert_eq!(placement(&got, "search").knobs["heap_mib"], 1024);
    assert_eq!(placement(&got, "beat").limit_mib, Some(256));
    assert_eq!(
        placement(&got, "grafana").limit_mib,
        Some(300),
        "extends through two files"
    );

    let read = &got.service("db").unwrap().read;
    let sb = read
        .iter()
        .find(|n| n.en.contains("shared_buffers=512MB"))
        .unwrap();
    assert!(sb.zh.contains("shared_buffers"), "{}", sb.zh);
    assert_eq!(sb.at.as_ref().unwrap().file, "docker-compose.yml");
}

#[test]
fn merge_keys_take_own_keys_first_then_sources_in_order() {
    let got = one("x-a: &a {image: 'redis:7', mem_limit: 100m}\n\
         x-b: &b {image: 'postgres:16', mem_limit: 200m, shm_size: 64m}\n\
         services:\n  s:\n    <<: [*a, *b]\n    mem_limit: 300m\n");
    let p = placement(&got, "s");
    assert_eq!(p.service, "redis", "the earlier merge source wins");
    assert_eq!(p.limit_mib, Some(300), "the mapping's own key wins");
    assert_eq!(p.shm_mib, Some(64), "a key only the later source has");
}

#[test]
fn variables_defaults_errors_and_dollar_escapes() {
    let yaml = "services:\n  db:\n    image: postgres:${PG_TAG:-16}\n    mem_limit: ${DB_MEM-1g}\n    shm_size: ${SHM:-}\n    command: [\"postgres\", \"-c\", \"shared_buffers=${SB}\"]\n    environment:\n      PASSWORD: \"pa$$word\"\n";
    let got = import(
        &[("compose.yaml", yaml)],
        &[],
        Some("SB=${BASE}\nBASE=1GB\nSB2=${BASE}\nDB_MEM=\n"),
    );
    // SB references BASE before BASE is set: empty, so shared_buffers is unreadable.
    assert!(
        got.ignored
            .iter()
            .any(|n| n.en.contains("cannot read shared_buffers")),
        "{:#?}",
        got.ignored
    );
    // DB_MEM is set but empty: `-` keeps the empty value, and an empty mem_limit is an error.
    assert!(!got.is_ok());
    let e = got.errors.iter().find(|e| e.code == "bad-size").unwrap();
    let at = e.at.as_ref().unwrap();
    assert_eq!(
        (at.file.as_str(), at.line, at.column),
        ("compose.yaml", 4, 16)
    );

    let req = one(
        "services:\n  a:\n    image: x\n    environment:\n      K: ${NEEDED:?set NEEDED first}\n",
    );
    let e = &req.errors[0];
    assert_eq!(e.code, "required-variable");
    assert!(e.en.contains("set NEEDED first") && e.zh.contains("NEEDED"));
    assert_eq!(e.at.as_ref().unwrap().line, 5);
    assert!(
        req.plan.is_none(),
        "nothing changes until the input is fixed"
    );

    let unset = one("services:\n  a:\n    image: nginx:${TAG}\n");
    assert!(unset.is_ok());
    assert!(unset
        .warnings
        .iter()
        .any(|w| w.code == "unset-variable" && w.en.contains("TAG")));

    // A `$` Compose does not read stays as written (the shell's `$1`,
    // `$(date)`); only an ill-formed `${` is an error.
    let shell = one("services:\n  a:\n    image: x\n    command: echo $1 $(date)\n");
    assert!(shell.is_ok(), "{:#?}", shell.errors);
    let bad = one("services:\n  a:\n    image: x\n    command: echo ${1\n");
    assert_eq!(bad.errors[0].code, "bad-interpolation");
}

#[test]
fn profiles_from_the_flag_beat_the_env_file() {
    let yaml = "services:\n  a: {image: nginx}\n  b: {image: nginx, profiles: [debug]}\n  c: {image: nginx, profiles: [dev, ops]}\n";
    let by_env = import(&[("c.yml", yaml)], &[], Some("COMPOSE_PROFILES=ops\n"));
    let running = |g: &ComposeImport| -> Vec<String> {
        g.plan.as_ref().unwrap().options[0].servers[0]
            .placements
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    assert_eq!(running(&by_env), ["a", "c"]);
    let by_flag = compose(&ComposeInput {
        files: vec![InputFile::new("c.yml", yaml.as_bytes())],
        env: Some(InputFile::new(".env", b"COMPOSE_PROFILES=ops\n")),
        profiles: vec!["debug"],
        tier: TIER,
        ..Default::default()
    });
    assert_eq!(running(&by_flag), ["a", "b"]);
    let all = compose(&ComposeInput {
        files: vec![InputFile::new("c.yml", yaml.as_bytes())],
        profiles: vec!["*"],
        tier: TIER,
        ..Default::default()
    });
    assert_eq!(running(&all), ["a", "b", "c"]);
}

#[test]
fn several_files_merge_in_order() {
    let a = "services:\n  db:\n    image: postgres:16\n    command: postgres -c max_connections=50\n    mem_limit: 1g\n    environment: [A=1]\n";
    let b = "services:\n  db:\n    command: postgres -c max_connections=300\n    environment: {B: '2'}\n  extra:\n    image: redis\n";
    let got = import(&[("a.yml", a), ("b.yml", b)], &[], None);
    let db = placement(&got, "db");
    assert_eq!(db.knobs["max_connections"], 300);
    assert_eq!(db.limit_mib, Some(1024));
    assert_eq!(placement(&got, "extra").service, "redis");
    let reversed = import(&[("b.yml", b), ("a.yml", a)], &[], None);
    assert_eq!(placement(&reversed, "db").knobs["max_connections"], 50);
}

#[test]
fn include_and_extends_read_the_files_given_by_name() {
    let main = "include:\n  - path: ./infra/data.yml\nservices:\n  api:\n    extends: {file: ./base.yml, service: app}\n    command: node server.js --max-old-space-size=640\n";
    let data = "services:\n  db:\n    image: mysql:8.4\n    command: --innodb-buffer-pool-size=512M --max-connections=300\n";
    let base = "services:\n  app:\n    image: node:20-alpine\n    mem_limit: 1g\n";
    let got = import(
        &[("stack/compose.yml", main)],
        &[("stack/infra/data.yml", data), ("stack/base.yml", base)],
        None,
    );
    assert!(got.is_ok(), "{:#?}", got.errors);
    let db = placement(&got, "db");
    assert_eq!(
        (
            db.service.as_str(),
            db.knobs["buffer_pool_mib"],
            db.knobs["max_connections"]
        ),
        ("mysql", 512, 300)
    );
    let api = placement(&got, "api");
    assert_eq!(api.service, "node");
    assert_eq!(api.limit_mib, Some(1024));
    assert_eq!(api.knobs["max_old_space_mib"], 640);

    let missing = import(
        &[("compose.yml", "include: [other.yml]\nservices: {}\n")],
        &[],
        None,
    );
    let e = &missing.errors[0];
    assert_eq!(e.code, "missing-file");
    assert!(e.en.contains("other.yml") && e.zh.contains("other.yml"));
    assert_eq!(e.at.as_ref().unwrap().line, 1);
}

#[test]
fn replicas_limits_and_units_as_people_write_them() {
    let got = one("services:\n\
         \x20 a: {image: nginx, mem_limit: 512M, deploy: {replicas: 3}}\n\
         \x20 b: {image: nginx, mem_limit: 1Gb}\n\
         \x20 c: {image: nginx, mem_limit: 536870912}\n\
         \x20 d: {image: nginx, deploy: {resources: {limits: {memory: 1.5GiB}}}}\n\
         \x20 e: {image: nginx, scale: 2, shm_size: '2gb'}\n\
         \x20 f: {image: nginx, mem_limit: 300m, deploy: {resources: {limits: {memory: 200m}}}}\n");
    assert_eq!(
        (
            placement(&got, "a").limit_mib,
            placement(&got, "a").replicas
        ),
        (Some(512), 3)
    );
    assert_eq!(placement(&got, "b").limit_mib, Some(1024));
    assert_eq!(placement(&got, "c").limit_mib, Some(512));
    assert_eq!(placement(&got, "d").limit_mib, Some(1536));
    assert_eq!(
        (placement(&got, "e").replicas, placement(&got, "e").shm_mib),
        (2, Some(2048))
    );
    assert_eq!(placement(&got, "f").limit_mib, Some(200));
    assert!(got.warnings.iter().any(|w| w.code == "limit-conflict"));
}

#[test]
fn heaps_and_memory_settings_in_the_environment() {
    let got = one(
        "services:\n\
         \x20 es: {image: 'elasticsearch:8.15.3', environment: {ES_JAVA_OPTS: '-Xms2g -Xmx2g'}}\n\
         \x20 kafka: {image: 'bitnami/kafka:3.7', environment: [KAFKA_HEAP_OPTS=-Xmx768m -Xms768m]}\n\
         \x20 zk: {image: zookeeper, environment: {JVMFLAGS: -Xmx256m}}\n\
         \x20 app: {image: 'eclipse-temurin:21', command: java -Xmx640m -jar app.jar}\n\
         \x20 ratio: {image: 'eclipse-temurin:21', mem_limit: 1g, environment: {JAVA_TOOL_OPTIONS: '-XX:MaxRAMPercentage=75.0'}}\n\
         \x20 kibana: {image: 'kibana:8.15.3', environment: {NODE_OPTIONS: '--max-old-space-size=800'}}\n\
         \x20 gitea: {image: 'gitea/gitea:1.22', environment: {GOMEMLIMIT: 900MiB}}\n\
         \x20 neo: {image: 'neo4j:5', environment: {NEO4J_server_memory_heap_max__size: 1200m, NEO4J_server_memory_pagecache_size: 640m}}\n\
         \x20 mq: {image: 'rabbitmq:3.13', mem_limit: 1g, environment: {RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-rabbit vm_memory_high_watermark {absolute,\"614MiB\"}'}}\n\
         \x20 mongo: {image: 'mongo:7', command: [mongod, --wiredTigerCacheSizeGB, '1.5']}\n\
         \x20 mc: {image: 'memcached:1.6', command: memcached -m 256}\n\
         \x20 bouncer: {image: 'edoburu/pgbouncer', environment: {MAX_CLIENT_CONN: '500', DEFAULT_POOL_SIZE: '40'}}\n\
         \x20 llm: {image: 'ollama/ollama', environment: {OLLAMA_NUM_PARALLEL: '2', OLLAMA_CONTEXT_LENGTH: '8192'}}\n",
    );
    assert!(got.is_ok(), "{:#?}", got.errors);
    let k = |id: &str, knob: &str| placement(&got, id).knobs.get(knob).copied();
    assert_eq!(k("es", "heap_mib"), Some(2048));
    assert_eq!(k("kafka", "heap_mib"), Some(768));
    assert_eq!(k("zk", "heap_mib"), Some(256));
    assert_eq!(k("app", "heap_mib"), Some(640));
    assert_eq!(k("ratio", "heap_mib"), Some(768), "75 % of the 1 GiB limit");
    assert_eq!(k("kibana", "max_old_space_mib"), Some(800));
    assert_eq!(k("gitea", "gomemlimit_mib"), Some(900));
    assert_eq!(
        (k("neo", "heap_mib"), k("neo", "pagecache_mib")),
        (Some(1200), Some(640))
    );
    assert_eq!(k("mq", "watermark_pct"), Some(60));
    assert_eq!(k("mongo", "cache_mib"), Some(1536));
    assert_eq!(k("mc", "memory_limit_mib"), Some(256));
    assert_eq!(
        (
            k("bouncer", "max_client_conn"),
            k("bouncer", "default_pool_size")
        ),
        (Some(500), Some(40))
    );
    assert_eq!(
        (k("llm", "num_parallel"), k("llm", "context_tokens")),
        (Some(2), k("llm", "context_tokens"))
    );
}

#[test]
fn values_outside_a_knobs_range_are_warned_not_applied() {
    let got =
        one("services:\n  r:\n    image: redis\n    command: redis-server --maxmemory 900gb\n");
    assert!(got.is_ok());
    assert!(!placement(&got, "r").knobs.contains_key("maxmemory_mib"));
    let w = got
        .warnings
        .iter()
        .find(|w| w.code == "knob-range")
        .unwrap();
    assert!(w.en.contains("--maxmemory 900gb"), "{}", w.en);
    assert!(!w.zh.is_empty());
}

#[test]
fn a_setting_equal_to_the_catalog_default_is_read_but_not_stored() {
    let got = one(
        "services:\n  db:\n    image: postgres\n    command: postgres -c shared_buffers=128MB\n",
    );
    assert!(!placement(&got, "db")
        .knobs
        .contains_key("shared_buffers_mib"));
    assert!(got
        .service("db")
        .unwrap()
        .read
        .iter()
        .any(|n| n.en.contains("the catalog default")));
}

#[test]
fn errors_carry_file_line_and_column_in_both_languages() {
    let got = import(
        &[
            ("ok.yml", "services: {a: {image: nginx}}\n"),
            (
                "broken.yml",
                "services:\n  a:\n    image: nginx\n   bad: [\n",
            ),
        ],
        &[],
        None,
    );
    let e = &got.errors[0];
    assert_eq!(e.code, "yaml-syntax");
    let at = e.at.as_ref().unwrap();
    assert_eq!(at.file, "broken.yml");
    assert!(at.line >= 4, "{at}");
    assert!(e.en.starts_with("YAML syntax error"), "{}", e.en);
    assert!(e.zh.starts_with("YAML 语法错误"), "{}", e.zh);
    assert!(got.plan.is_none());

    let dep = one("services:\n  a:\n    image: nginx\n    depends_on: [ghost]\n");
    assert_eq!(dep.errors[0].code, "unknown-dependency");
    assert_eq!(dep.errors[0].at.as_ref().unwrap().line, 4);

    let tier = compose(&ComposeInput {
        files: vec![InputFile::new("c.yml", b"services: {}\n")],
        tier: "no-such-tier",
        ..Default::default()
    });
    assert_eq!(tier.errors[0].code, "unknown-tier");
}

#[test]
fn reset_and_override_tags_from_an_override_file() {
    let a = "services:\n  w:\n    image: nginx\n    mem_limit: 1g\n    depends_on: [db]\n  db: {image: postgres}\n";
    let b = "services:\n  w:\n    mem_limit: !reset null\n    depends_on: !reset []\n";
    let got = import(&[("a.yml", a), ("b.yml", b)], &[], None);
    let w = placement(&got, "w");
    assert_eq!(w.limit_mib, None);
    assert!(w.depends_on.is_empty());
}

#[test]
fn bitnami_and_shell_wrapped_commands() {
    let got = one(
        "services:\n\
         \x20 r: {image: 'bitnami/redis:7.2', environment: {REDIS_EXTRA_FLAGS: '--maxmemory 300mb --maxmemory-policy allkeys-lfu'}}\n\
         \x20 v: {image: 'valkey/valkey:8', command: sh -c \"exec valkey-server --maxmemory 64mb --save '' --appendonly no\"}\n\
         \x20 m: {image: 'mysql:8.4', environment: {MYSQL_EXTRA_FLAGS: --skip-performance-schema}}\n",
    );
    let r = placement(&got, "r");
    assert_eq!((r.knobs["maxmemory_mib"], r.knobs["policy"]), (300, 2));
    let v = placement(&got, "v");
    assert_eq!(
        (
            v.service.as_str(),
            v.knobs["maxmemory_mib"],
            v.knobs["persistence"]
        ),
        ("valkey", 64, 0)
    );
    assert_eq!(placement(&got, "m").knobs["performance_schema"], 0);
}

#[test]
fn naming_feeds_the_stats_matcher() {
    let got = saas();
    let naming = got.naming();
    assert_eq!(naming.project.as_deref(), Some("shop"));
    assert!(naming.services.iter().any(|(s, _)| s == "web"));
    assert!(!naming.services.iter().any(|(s, _)| s == "migrate"));
}

/// The image a service ran is the one its export runs: another tag of a
/// database (its data files belong to the major version that wrote them)
/// and your own image are kept, and the import says so where the file
/// wrote them; a base image running a command the placement cannot carry
/// is not (the export asks for your app's image, as for a build), and the
/// catalog's own image as StackFit's export writes it adds nothing.
#[test]
fn the_export_runs_the_images_the_compose_file_ran() {
    let got = one(concat!(
        "services:\n",
        "  db:\n    image: postgres:13.4-alpine\n",
        "  app:\n    image: registry.example.com/acme/shop:2.3.1\n    command: gunicorn shop.wsgi -w 3\n",
        "  worker:\n    image: python:3.12-slim\n    command: gunicorn shop.wsgi -w 2\n",
        "  api:\n    image: node:20-alpine\n    command: node dist/main.js\n",
        "  cache:\n    image: redis:7-alpine\n",
        "  search:\n    image: docker.io/getmeili/meilisearch@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    ));
    assert!(got.is_ok(), "{:#?}", got.errors);
    let image = |id| placement(&got, id).image.as_deref();
    assert_eq!(image("db"), Some("postgres:13.4-alpine"));
    assert_eq!(image("app"), Some("registry.example.com/acme/shop:2.3.1"));
    assert_eq!(
        image("worker"),
        None,
        "python:3.12-slim runs gunicorn only by its command"
    );
    assert_eq!(
        image("api"),
        None,
        "node:20-alpine runs node only by its command"
    );
    assert_eq!(image("cache"), None, "the catalog's own image, as exported");
    assert!(image("search").is_some_and(|i| i.ends_with("0123456789abcdef")));
    let kept = got
        .service("db")
        .unwrap()
        .read
        .iter()
        .find(|n| n.code == "image");
    let kept = kept.expect("the kept image is listed");
    assert_eq!(kept.at.as_ref().map(|a| (a.line, a.column)), Some((3, 12)));
    assert!(kept.zh.contains("保留"), "{}", kept.zh);

    let plan = got.plan.as_ref().unwrap();
    let report = stackfit_core::evaluate(plan);
    let option = &plan.options[0];
    let server = &option.servers[0];
    let text = stackfit_core::export::compose(plan, &report, &option.id, &server.id).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let written = |svc: &str| doc["services"][svc]["image"].as_str().unwrap().to_string();
    assert_eq!(written("db"), "postgres:13.4-alpine");
    assert_eq!(written("app"), "registry.example.com/acme/shop:2.3.1");
    assert!(
        written("worker").starts_with("${WORKER_IMAGE:?"),
        "{}",
        written("worker")
    );
    assert_eq!(written("cache"), "redis:7-alpine");
}

/// What a service mounted (its data, its configuration files) is what its
/// export mounts: the short and the long syntax alike, each in place of the
/// catalog's volume at the same path, a named volume declared once; a tmpfs
/// is a size, not a mount; one the plan cannot hold is said, with where.
/// Importing the export gives the same mounts again.
#[test]
fn the_export_mounts_what_the_compose_file_mounted() {
    let yaml = concat!(
        "services:\n",
        "  db:\n    image: postgres:17\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n",
        "  web:\n    image: nginx:1.27\n    volumes:\n",
        "      - type: bind\n        source: ./nginx.conf\n        target: /etc/nginx/nginx.conf\n        read_only: true\n",
        "      - uploads:/srv/uploads\n",
        "      - type: tmpfs\n        target: /tmp\n",
        "      - relative:path\n",
        "  app:\n    image: registry.example.com/acme/app:1\n    volumes:\n      - uploads:/srv/uploads\n",
        "      - type: bind\n        source: media\n        target: /media\n        read_only: TRUE\n",
        "      - type: volume\n        target: /cache\n        read_only: true\n",
    );
    let got = one(yaml);
    assert!(got.is_ok(), "{:#?}", got.errors);
    assert_eq!(
        placement(&got, "db").mounts,
        ["./pgdata:/var/lib/postgresql/data"]
    );
    assert_eq!(
        placement(&got, "web").mounts,
        [
            "./nginx.conf:/etc/nginx/nginx.conf:ro",
            "uploads:/srv/uploads"
        ]
    );
    // A bind's relative source is a path; an anonymous volume keeps its path.
    assert_eq!(
        placement(&got, "app").mounts,
        ["uploads:/srv/uploads", "./media:/media:ro", "/cache"]
    );
    let unread = got
        .warnings
        .iter()
        .find(|w| w.code == "mount-unread")
        .expect("the mount it cannot keep is said");
    assert_eq!(unread.at.as_ref().map(|a| a.line), Some(16));
    assert!(unread.en.contains("relative:path"), "{}", unread.en);

    let plan = got.plan.as_ref().unwrap();
    let report = stackfit_core::evaluate(plan);
    let (option, server) = (&plan.options[0], &plan.options[0].servers[0]);
    let text = stackfit_core::export::compose(plan, &report, &option.id, &server.id).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mounts = |svc: &str| -> Vec<String> {
        doc["services"][svc]["volumes"]
            .as_sequence()
            .map(|s| s.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    // PostgreSQL's data is the user's directory, not a new empty volume.
    assert_eq!(mounts("db"), ["./pgdata:/var/lib/postgresql/data"]);
    assert_eq!(
        mounts("web"),
        [
            "./nginx.conf:/etc/nginx/nginx.conf:ro",
            "uploads:/srv/uploads"
        ]
    );
    let declared: Vec<&str> = doc["volumes"]
        .as_mapping()
        .map(|m| m.keys().filter_map(|k| k.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(declared, ["uploads"], "{text}");
    assert!(
        text.contains("  uploads: {}  # from the imported compose file: if it was external: true"),
        "a volume the file declared may have been external: {text}"
    );

    let again = one(&text);
    assert_eq!(placement(&again, "db").mounts, placement(&got, "db").mounts);
    assert_eq!(
        placement(&again, "web").mounts,
        placement(&got, "web").mounts
    );
}

/// What a service published is what its export publishes, as written:
/// another host port than the container's, one bound to the loopback
/// address, UDP, the long syntax rewritten as the short; nothing more is
/// published on a port already there; a Swarm stack leaves out what was
/// bound to one address (its routing mesh has none) and says so.
#[test]
fn the_export_publishes_what_the_compose_file_published() {
    let yaml = concat!(
        "services:\n",
        "  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n      - target: 443\n        published: 8443\n        protocol: tcp\n",
        "  db:\n    image: postgres:17\n    ports:\n      - 127.0.0.1:5432:5432\n      - ${NO_SUCH_PORT-:6432:6432}\n",
        "  dns:\n    image: registry.example.com/acme/dns:1\n    ports:\n      - 53:53/udp\n      - http\n",
        "  proxy:\n    image: caddy:2\n    ports:\n      - 0.0.0.0:443:443\n",
    );
    let got = one(yaml);
    assert!(got.is_ok(), "{:#?}", got.errors);
    assert_eq!(placement(&got, "web").ports, ["8080:80", "8443:443"]);
    assert_eq!(
        placement(&got, "db").ports,
        ["127.0.0.1:5432:5432", "6432:6432"]
    );
    assert_eq!(placement(&got, "dns").ports, ["53:53/udp"]);
    let unread = got.warnings.iter().find(|w| w.code == "port-unread");
    assert_eq!(unread.and_then(|w| w.at.as_ref()).map(|a| a.line), Some(18));

    let mut plan = got.plan.clone().unwrap();
    // The planner's own switch publishes the catalog's port on every
    // address: beside 8080:80 (another host port) it is added; where the
    // compose file already took host port 443 on every address, it is not
    // added again (Docker would refuse the second).
    for p in &mut plan.options[0].servers[0].placements {
        p.public = matches!(p.id.as_str(), "web" | "proxy");
    }
    let report = stackfit_core::evaluate(&plan);
    let (option, server) = (&plan.options[0], &plan.options[0].servers[0]);
    let text = stackfit_core::export::compose(&plan, &report, &option.id, &server.id).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let ports = |svc: &str| -> Vec<String> {
        doc["services"][svc]["ports"]
            .as_sequence()
            .map(|s| s.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    assert_eq!(ports("web"), ["80:80", "8080:80", "8443:443"], "{text}");
    assert_eq!(
        ports("proxy"),
        ["80:80", "0.0.0.0:443:443"],
        "caddy's 443 only once: {text}"
    );
    assert_eq!(ports("db"), ["127.0.0.1:5432:5432", "6432:6432"]);
    assert_eq!(ports("dns"), ["53:53/udp"]);
    // Both public, web and proxy each get host port 80 from the planner:
    // Docker would refuse the second. The file says so beside it (and
    // nowhere else: db's loopback 5432 and dns's UDP 53 clash with nothing).
    let clash =
        "# host port 80/tcp is published by web on this server too: Docker would refuse this one";
    assert_eq!(text.matches(clash).count(), 1, "{text}");
    let proxy_block = &text[text.find("\n  proxy:\n").unwrap()..];
    assert!(proxy_block.contains(clash), "{text}");

    // Imported again, the file keeps the same ports, and not what the
    // planner published of its own accord (web's and proxy's 80:80).
    let again = one(&text);
    for id in ["web", "db", "dns", "proxy"] {
        assert_eq!(
            placement(&again, id).ports,
            placement(&got, id).ports,
            "{id}"
        );
    }

    let files = stackfit_core::export::files(
        &plan,
        &report,
        &option.id,
        &mut stackfit_core::export::Secrets::placeholders(),
        stackfit_core::findings::Lang::En,
    )
    .unwrap();
    let deploy = &files.iter().find(|f| f.name == "DEPLOY.md").unwrap().text;
    assert!(
        deploy.contains("**Host port 80/tcp is published twice on"),
        "{deploy}"
    );
    assert!(deploy.contains("by `web` and by `proxy`"), "{deploy}");
    assert_eq!(deploy.matches("published twice").count(), 1, "{deploy}");
    // The planner said so first: one critical finding, on proxy, the same
    // pair and port (db's loopback and dns's UDP ports are no clash).
    let clashes: Vec<_> = report
        .options
        .iter()
        .flat_map(|o| &o.servers)
        .flat_map(|s| &s.findings)
        .filter(|f| f.id() == "host-port-clash")
        .collect();
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0].placement.as_deref(), Some("proxy"));
    assert_eq!(clashes[0].subjects, ["web", "80/tcp"]);
    let stack = &files.iter().find(|f| f.name == "stack.yml").unwrap().text;
    let stack_doc: serde_yaml::Value = serde_yaml::from_str(stack).unwrap();
    assert_eq!(
        stack_doc["services"]["db"]["ports"][0].as_str(),
        Some("6432:6432"),
        "{stack}"
    );
    assert!(stack_doc["services"]["db"]["ports"][1].is_null(), "{stack}");
    assert!(
        stack.contains("published 127.0.0.1:5432:5432 on one address"),
        "{stack}"
    );
}

/// An app's environment is kept for the export, but not its secrets (a
/// secret-named variable, a URL with a password) nor what the export
/// writes itself or a knob took; what is not kept is said, per service,
/// so the user can put it back, as is an app's command it cannot keep
/// (here: a secret in it). StackFit's own file, with its .env, imports
/// back to the same lines and says nothing is missing.
#[test]
fn what_the_export_will_not_carry_is_said() {
    let got = one(concat!(
        "services:\n",
        "  web:\n    image: registry.example.com/acme/shop:2.3.1\n    command: gunicorn shop.wsgi -b 0.0.0.0:8000\n",
        "    environment:\n      WEB_CONCURRENCY: 3\n      DATABASE_URL: postgres://db/shop\n      SECRET_KEY: s3cret\n      SHOP_MODE: \"production, eu\"\n      CACHE_URL: redis://:hunter22@cache:6379/0\n",
        "  db:\n    image: postgres:17\n    command: postgres -c max_connections=50\n    environment:\n      POSTGRES_PASSWORD: pw\n",
        "  worker:\n    image: registry.example.com/acme/shop:2.3.1\n    command: celery -A shop worker -b redis://:hunter22@cache:6379/0\n",
    ));
    assert!(got.is_ok(), "{:#?}", got.errors);
    let said = |code: &str, svc: &str| {
        got.ignored
            .iter()
            .find(|n| n.code == code && n.service.as_deref() == Some(svc))
    };
    assert!(said("command-not-kept", "web").is_none(), "kept");
    let cmd = said("command-not-kept", "worker").expect("a secret in the command");
    assert!(
        cmd.en.contains("it holds a secret (…://user:…@)"),
        "{}",
        cmd.en
    );
    assert!(cmd.en.contains("command `celery …`"), "{}", cmd.en);
    assert!(!cmd.en.contains("hunter22") && !cmd.zh.contains("hunter22"));
    assert_eq!(cmd.at.as_ref().map(|a| a.line), Some(18));
    let web = placement(&got, "web");
    assert_eq!(
        web.env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        [
            ("DATABASE_URL", "postgres://db/shop"),
            ("SHOP_MODE", "production, eu")
        ]
    );
    let env = said("env-not-kept", "web").expect("the app's secrets");
    assert!(
        env.en.starts_with(
            "environment not kept (2): SECRET_KEY, CACHE_URL: secrets, and values that hold one, stay out"
        ),
        "{}",
        env.en
    );
    assert!(env.zh.contains("SECRET_KEY、CACHE_URL"), "{}", env.zh);
    assert!(!format!("{:?}", got.plan).contains("hunter22"));
    assert!(
        !env.en.contains("WEB_CONCURRENCY"),
        "read onto the workers knob"
    );
    assert!(
        said("command-not-kept", "db").is_none(),
        "read onto its knobs"
    );
    assert!(
        said("env-not-kept", "db").is_none(),
        "the export writes POSTGRES_PASSWORD"
    );

    let plan = got.plan.as_ref().unwrap();
    let report = stackfit_core::evaluate(plan);
    let (option, server) = (&plan.options[0], &plan.options[0].servers[0]);
    let text = stackfit_core::export::compose(plan, &report, &option.id, &server.id).unwrap();
    let env = stackfit_core::export::env_file(plan, &report, &option.id, &server.id).unwrap();
    let again = import(&[("compose.yaml", &text)], &[], Some(&env));
    assert!(
        !again.ignored.iter().any(|n| n.code.ends_with("-not-kept")),
        "{:#?}",
        again.ignored
    );
    assert_eq!(placement(&again, "web").env, web.env);
}

/// A task worker's `-Q` lands on the placement's queues, which its export
/// consumes again; a list the plan cannot hold is said.
#[test]
fn a_workers_queues_are_kept() {
    let got = one(concat!(
        "services:\n",
        "  worker:\n    image: registry.example.com/acme/shop:2.3.1\n    command: celery -A shop worker -c 4 -Q default,reports\n",
        "  odd:\n    image: registry.example.com/acme/shop:2.3.1\n    command: celery -A shop worker -Q 'a b'\n",
    ));
    assert!(got.is_ok(), "{:#?}", got.errors);
    assert_eq!(placement(&got, "worker").queues, ["default", "reports"]);
    let read = got
        .service("worker")
        .unwrap()
        .read
        .iter()
        .find(|n| n.code == "queues");
    assert!(
        read.is_some_and(|n| n.zh.contains("default、reports")),
        "{read:?}"
    );
    assert!(placement(&got, "odd").queues.is_empty());
    assert!(got
        .warnings
        .iter()
        .any(|w| w.code == "queues-unread" && w.service.as_deref() == Some("odd")));

    let plan = got.plan.as_ref().unwrap();
    let report = stackfit_core::evaluate(plan);
    let (option, server) = (&plan.options[0], &plan.options[0].servers[0]);
    let text = stackfit_core::export::compose(plan, &report, &option.id, &server.id).unwrap();
    let again = one(&text);
    assert_eq!(
        placement(&again, "worker").queues,
        ["default", "reports"],
        "{text}"
    );
}

/// An app's command is kept, without the flags its knobs own (read onto
/// them), and the export runs it with the plan's values: a Celery worker
/// keeps `-A shop`, not the placeholder app, and runs the concurrency the
/// plan holds now; gunicorn and node take theirs from the environment the
/// export writes. What cannot be kept (an entrypoint, a shell script the
/// plan's flags cannot go into) is said. StackFit's own file imports back
/// to the same commands.
#[test]
fn an_apps_command_is_kept_and_runs_with_the_plans_settings() {
    let got = one(concat!(
        "services:\n",
        "  worker:\n    image: registry.example.com/acme/shop:2.3.1\n    command: celery -A shop worker -l info -c 4 -Q mail\n",
        "  web:\n    image: registry.example.com/acme/shop:2.3.1\n    command: [\"gunicorn\", \"shop.wsgi\", \"-b\", \"0.0.0.0:8000\", \"-w\", \"3\"]\n",
        "  api:\n    image: registry.example.com/acme/api:1.0\n    command: node --max-old-space-size=512 dist/server.js\n",
        "  site:\n    image: registry.example.com/acme/shop:2.3.1\n    command: sh -c \"python manage.py migrate && gunicorn shop.wsgi\"\n",
        "  jobs:\n    image: registry.example.com/acme/jobs:1.0\n    entrypoint: [\"/entry.sh\"]\n    command: run-jobs --every 5m\n",
        "  cron:\n    image: registry.example.com/acme/shop:2.3.1\n    command: sh -c \"celery -A shop worker -c 2\"\n",
    ));
    assert!(got.is_ok(), "{:#?}", got.errors);
    let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    let worker = placement(&got, "worker");
    assert_eq!(worker.command, words("celery -A shop worker -l info"));
    assert_eq!(worker.knobs.get("concurrency"), Some(&4));
    assert_eq!(worker.queues, vec!["mail".to_string()]);
    assert_eq!(
        placement(&got, "web").command,
        words("gunicorn shop.wsgi -b 0.0.0.0:8000")
    );
    assert_eq!(placement(&got, "web").knobs.get("workers"), Some(&3));
    assert_eq!(placement(&got, "api").command, words("node dist/server.js"));
    assert_eq!(
        placement(&got, "api").knobs.get("max_old_space_mib"),
        Some(&512)
    );
    assert_eq!(
        placement(&got, "site").command,
        vec![
            "sh".to_string(),
            "-c".into(),
            "python manage.py migrate && gunicorn shop.wsgi".into()
        ]
    );
    let kept = got
        .service("worker")
        .unwrap()
        .read
        .iter()
        .find(|n| n.code == "command")
        .expect("said kept");
    assert!(
        kept.en.contains("kept without `-c 4 -Q mail`"),
        "{}",
        kept.en
    );
    let refused = |svc: &str| {
        let n = got
            .ignored
            .iter()
            .find(|n| n.code == "command-not-kept" && n.service.as_deref() == Some(svc))
            .unwrap_or_else(|| panic!("{svc}: {:#?}", got.ignored));
        assert!(placement(&got, svc).command.is_empty());
        n.en.clone()
    };
    assert!(refused("jobs").contains("sets an entrypoint"));
    assert!(refused("cron").contains("is a shell script"));

    // The plan changes the worker's concurrency; the file runs the plan's.
    let mut plan = got.plan.clone().unwrap();
    let (option, server) = (
        plan.options[0].id.clone(),
        plan.options[0].servers[0].id.clone(),
    );
    let w = plan.options[0].servers[0]
        .placements
        .iter_mut()
        .find(|p| p.id == "worker")
        .unwrap();
    w.knobs.insert("concurrency".into(), 2);
    let report = stackfit_core::evaluate(&plan);
    let text = stackfit_core::export::compose(&plan, &report, &option, &server).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let command = |svc: &str| -> Vec<String> {
        doc["services"][svc]["command"]
            .as_sequence()
            .unwrap_or_else(|| panic!("{svc}: no command in\n{text}"))
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        command("worker"),
        words("celery -A shop worker -l info --pool=prefork --concurrency=2 -Q mail"),
        "{text}"
    );
    assert_eq!(command("web"), words("gunicorn shop.wsgi -b 0.0.0.0:8000"));
    assert_eq!(
        doc["services"]["web"]["environment"]["WEB_CONCURRENCY"].as_str(),
        Some("3"),
        "{text}"
    );
    assert_eq!(command("api"), words("node dist/server.js"));
    assert_eq!(
        doc["services"]["api"]["environment"]["NODE_OPTIONS"].as_str(),
        Some("--max-old-space-size=512"),
        "{text}"
    );
    assert_eq!(
        command("site")[2],
        "python manage.py migrate && gunicorn shop.wsgi"
    );
    assert_eq!(
        doc["services"]["worker"]["labels"]["io.stackfit.command"].as_str(),
        Some("kept")
    );
    assert!(doc["services"]["cron"]["labels"]["io.stackfit.command"].is_null());
    assert!(
        !text.contains("your_app\n") && text.contains("--app=your_app"),
        "cron keeps StackFit's: {text}"
    );

    // StackFit's own file imports back to the same commands and settings.
    let again = one(&text);
    assert!(again.is_ok(), "{:#?}", again.errors);
    for id in ["worker", "web", "api", "site", "jobs", "cron"] {
        assert_eq!(
            placement(&again, id).command,
            plan.options[0].servers[0]
                .placements
                .iter()
                .find(|p| p.id == id)
                .unwrap()
                .command,
            "{id}"
        );
    }
    assert_eq!(
        placement(&again, "worker").knobs.get("concurrency"),
        Some(&2)
    );
    assert!(
        !again.ignored.iter().any(|n| n.code.ends_with("-not-kept")),
        "{:#?}",
        again.ignored
    );
}

/// Secrets two services read from the same `.env` variable (a database's
/// user password and the app that logs in with it) are kept by name only:
/// the export generates one new value for that variable, which both read,
/// so the stack still starts; the values are in neither the plan nor the
/// files. A secret with no variable behind it is said, not kept.
#[test]
fn shared_secrets_are_regenerated_not_kept() {
    let compose = concat!(
        "services:\n",
        "  db:\n    image: mysql:8.0\n    environment:\n",
        "      MYSQL_ROOT_PASSWORD: ${DATABASE_ROOT_PASSWORD}\n      MYSQL_USER: blog\n",
        "      MYSQL_PASSWORD: ${DATABASE_PASSWORD}\n      MYSQL_DATABASE: blog\n",
        "  app:\n    image: registry.example.com/acme/blog:1.0\n    depends_on: [db]\n    environment:\n",
        "      database__connection__password: ${DATABASE_PASSWORD}\n",
        "      database__connection__user: blog\n      SESSION_SECRET: literal-secret-value-123\n",
    );
    let env = "DATABASE_ROOT_PASSWORD=rootpw-1234\nDATABASE_PASSWORD=s3cr3t-pass-xyz\n";
    let got = import(&[("compose.yaml", compose)], &[], Some(env));
    assert!(got.is_ok(), "{:#?}", got.errors);
    let secrets = |id: &str| {
        placement(&got, id)
            .secrets
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    // The image's own generated secret keeps the stack's variable too.
    assert_eq!(
        secrets("db"),
        [
            pair("MYSQL_PASSWORD", "DATABASE_PASSWORD"),
            pair("MYSQL_ROOT_PASSWORD", "DATABASE_ROOT_PASSWORD")
        ]
    );
    assert_eq!(
        secrets("app"),
        [pair("database__connection__password", "DATABASE_PASSWORD")]
    );
    assert_eq!(
        placement(&got, "db")
            .env
            .get("MYSQL_USER")
            .map(String::as_str),
        Some("blog")
    );
    let plan = got.plan.clone().unwrap();
    let json = stackfit_core::codec::to_json(&plan);
    assert!(
        !json.contains("s3cr3t") && !json.contains("rootpw") && !json.contains("literal-secret")
    );
    let not_kept = got
        .ignored
        .iter()
        .find(|n| n.code == "env-not-kept" && n.service.as_deref() == Some("app"))
        .expect("the literal secret");
    assert!(not_kept.en.contains("SESSION_SECRET"), "{}", not_kept.en);

    let report = stackfit_core::evaluate(&plan);
    let (option, server) = (&plan.options[0].id, &plan.options[0].servers[0].id);
    let text = stackfit_core::export::compose(&plan, &report, option, server).unwrap();
    let dotenv = stackfit_core::export::env_file(&plan, &report, option, server).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(
        doc["services"]["db"]["environment"]["MYSQL_PASSWORD"].as_str(),
        Some("${DATABASE_PASSWORD}")
    );
    assert_eq!(
        doc["services"]["app"]["environment"]["database__connection__password"].as_str(),
        Some("${DATABASE_PASSWORD}")
    );
    assert_eq!(
        doc["services"]["db"]["environment"]["MYSQL_ROOT_PASSWORD"].as_str(),
        Some("${DATABASE_ROOT_PASSWORD}")
    );
    assert_eq!(
        dotenv.matches("\nDATABASE_PASSWORD=").count(),
        1,
        "{dotenv}"
    );
    assert!(!dotenv.contains("s3cr3t") && !text.contains("s3cr3t"));

    let again = import(&[("compose.yaml", &text)], &[], Some(&dotenv));
    assert!(again.is_ok(), "{:#?}", again.errors);
    assert_eq!(
        placement(&again, "db").secrets,
        placement(&got, "db").secrets
    );
    assert_eq!(
        placement(&again, "app").secrets,
        placement(&got, "app").secrets
    );

    // A secret let go (RemoveSecret) is written no more; the database's stays.
    let (option, server) = (option.clone(), server.clone());
    let mut plan = plan;
    let app = placement(&got, "app").id.clone();
    stackfit_core::apply(
        &mut plan,
        &stackfit_core::Action::RemoveSecret {
            option: option.clone(),
            placement: app,
            name: "database__connection__password".into(),
        },
    )
    .unwrap();
    let report = stackfit_core::evaluate(&plan);
    let text = stackfit_core::export::compose(&plan, &report, &option, &server).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert!(
        doc["services"]["app"]["environment"]["database__connection__password"].is_null(),
        "{text}"
    );
    assert_eq!(
        doc["services"]["db"]["environment"]["MYSQL_PASSWORD"].as_str(),
        Some("${DATABASE_PASSWORD}")
    );
}

/// Immich with its .env (the e2e fixture): the database's password, the
/// server's (which must equal it) and every other service that read
/// `DB_PASSWORD` get one generated value, under the stack's own variable.
#[test]
fn an_imported_stacks_database_and_its_clients_share_one_password() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/fixtures/import");
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let (compose, extra, env) = (
        read("docker-compose.yml"),
        read("docker-compose.override.yml"),
        read(".env"),
    );
    let got = import(
        &[
            ("docker-compose.yml", &compose),
            ("docker-compose.override.yml", &extra),
        ],
        &[(".env", &env)],
        Some(&env),
    );
    assert!(got.is_ok(), "{:#?}", got.errors);
    let plan = got.plan.unwrap();
    let report = stackfit_core::evaluate(&plan);
    let (option, server) = (&plan.options[0].id, &plan.options[0].servers[0].id);
    let text = stackfit_core::export::compose(&plan, &report, option, server).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let var = |svc: &str, name: &str| {
        doc["services"][svc]["environment"][name]
            .as_str()
            .unwrap_or_else(|| panic!("{svc} {name}\n{text}"))
            .to_string()
    };
    let db = var("database", "POSTGRES_PASSWORD");
    assert_eq!(db, "${DB_PASSWORD}");
    assert_eq!(var("immich-server", "DB_PASSWORD"), db);
    assert_eq!(var("immich-machine-learning", "DB_PASSWORD"), db);
}
