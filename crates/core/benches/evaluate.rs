//! Benchmark: `evaluate` on a synthetic plan of 1,000 placements over 100
//! servers (target: under 2 ms per evaluation), and on the most ports a
//! plan may publish on one server (2,000 placements of 32 host ports each:
//! what a hostile link could hold; the port check was quadratic, 15 s),
//! and every exported file of the most a plan may hold (the exporters
//! looked up each variable and dependency by a scan: 22 s).

use criterion::{criterion_group, criterion_main, Criterion};
use stackfit_core::edit::validate::{
    MAX_DEPENDENCIES, MAX_ENV, MAX_PLACEMENTS_PER_OPTION, MAX_PORTS,
};
use stackfit_core::export::{self, Secrets};
use stackfit_core::findings::Lang;
use stackfit_core::fit::evaluate;
use stackfit_core::model::{Placement, Plan, PlanOption, Server, Settings};
use std::hint::black_box;

/// Ten services per server, a realistic mix: databases, caches, web and
/// workers with knobs, a measured placement and a fixed limit.
fn synthetic_plan() -> Plan {
    let tiers = [
        "aliyun-ecs-c7-2xlarge",
        "aws-m6i-2xlarge",
        "tencent-cvm-s6-2xlarge32",
        "aliyun-ecs-g7-2xlarge",
    ];
    let mut option = PlanOption::new("synthetic", "1,000 placements over 100 servers");
    for s in 0..100 {
        let mut server = Server::new(
            &format!("s{s}"),
            &format!("node {s} 8C32G"),
            tiers[s % tiers.len()],
        )
        .spec(8, 32768);
        let p = |name: &str, service: &str| Placement::new(&format!("{name}-{s}"), service);
        let db = format!("postgres-{s}");
        let cache = format!("redis-{s}");
        server.placements = vec![
            p("postgres", "postgres")
                .knob("shared_buffers_mib", 1024)
                .limit(4096),
            p("redis", "redis")
                .knob("maxmemory_mib", 512)
                .knob("persistence", 1)
                .limit(1536),
            p("api", "fastapi")
                .knob("workers", 4)
                .depends_on(&[&db, &cache]),
            p("worker", "celery-prefork")
                .knob("concurrency", 4)
                .depends_on(&[&db, &cache]),
            p("io", "celery-gevent")
                .knob("concurrency", 50)
                .depends_on(&[&db]),
            p("beat", "celery-beat").depends_on(&[&cache]),
            p("web", "nginx"),
            p("metrics", "prometheus"),
            p("search", "elasticsearch")
                .knob("heap_mib", 1024)
                .limit(2560),
            p("app", "go-service").measured(120),
        ];
        option.servers.push(server);
    }
    Plan {
        quotes: Vec::new(),
        name: "bench".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![option],
    }
}

/// One server of the most placements an option may hold, each publishing
/// the most ports a placement may: half of them clash on port 80 (and
/// their fix looks for a free host port), half take ports of their own.
fn most_ports_plan() -> Plan {
    let limits = (MAX_PLACEMENTS_PER_OPTION, MAX_PORTS);
    let mut server = Server::new("s", "one server", "aliyun-ecs-c7-2xlarge");
    for i in 0..limits.0 {
        let mut p = Placement::new(&format!("web-{i}"), "nginx");
        p.ports = (0..limits.1)
            .map(|k| match i % 2 {
                0 if k == 0 => "80:80".to_string(),
                _ => format!("{}:80", 1024 + i * limits.1 + k),
            })
            .collect();
        server.placements.push(p);
    }
    Plan {
        quotes: Vec::new(),
        name: "ports".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(server)],
    }
}

/// The most a plan may hold, spread over 20 servers: 2,000 placements of
/// databases, queues and their clients, each depending on the most
/// placements it may (most of them on other servers), publishing the most
/// ports and carrying the most environment lines; a third are public.
fn most_everything_plan() -> Plan {
    let services = [
        "postgres",
        "redis",
        "fastapi",
        "nginx",
        "celery-prefork",
        "mysql",
        "rabbitmq",
        "pgbouncer",
    ];
    let n = MAX_PLACEMENTS_PER_OPTION;
    let mut option = PlanOption::new("o", "O");
    for s in 0..20 {
        let mut server = Server::new(
            &format!("s{s}"),
            &format!("server {s}"),
            "aliyun-ecs-c7-2xlarge",
        )
        .spec(8, 32768);
        for i in s * n / 20..(s + 1) * n / 20 {
            let mut p = Placement::new(&format!("p{i}"), services[i % services.len()]);
            p.depends_on = (1..=MAX_DEPENDENCIES)
                .map(|k| format!("p{}", (i + k * 7) % n))
                .collect();
            p.ports = (0..MAX_PORTS)
                .map(|k| format!("{}:80", 1024 + i * MAX_PORTS + k))
                .collect();
            for k in 0..MAX_ENV {
                p.env.insert(format!("VAR_{k}"), format!("value {k}"));
            }
            p.public = i % 3 == 0;
            server.placements.push(p);
        }
        option.servers.push(server);
    }
    Plan {
        quotes: Vec::new(),
        name: "everything".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![option],
    }
}

fn bench(c: &mut Criterion) {
    let plan = synthetic_plan();
    let placements: usize = plan.options[0]
        .servers
        .iter()
        .map(|s| s.placements.len())
        .sum();
    assert_eq!((plan.options[0].servers.len(), placements), (100, 1000));
    c.bench_function("evaluate 1000 placements / 100 servers", |b| {
        b.iter(|| evaluate(black_box(&plan)))
    });
    let ports = most_ports_plan();
    let clashes = evaluate(&ports).options[0].servers[0].port_clashes.len();
    assert_eq!(clashes, 999);
    let mut group = c.benchmark_group("ports");
    group.sample_size(10);
    group.bench_function(
        "evaluate 2000 placements × 32 host ports / 1 server",
        |b| b.iter(|| evaluate(black_box(&ports))),
    );
    group.finish();

    let everything = most_everything_plan();
    let report = evaluate(&everything);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function(
        "every file of 2000 placements × 64 dependencies, 32 ports, 64 env lines / 20 servers",
        |b| {
            b.iter(|| {
                export::files(
                    black_box(&everything),
                    &report,
                    "o",
                    &mut Secrets::placeholders(),
                    Lang::En,
                )
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
