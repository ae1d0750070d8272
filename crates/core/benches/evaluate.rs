//! Benchmark: `evaluate` on a synthetic plan of 1,000 placements over 100
//! servers (target: under 2 ms per evaluation), and on the most ports a
//! plan may publish on one server (2,000 placements of 32 host ports each:
//! what a hostile link could hold; the port check was quadratic, 15 s).

use criterion::{criterion_group, criterion_main, Criterion};
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
    let limits = (
        stackfit_core::edit::validate::MAX_PLACEMENTS_PER_OPTION,
        stackfit_core::edit::validate::MAX_PORTS,
    );
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
