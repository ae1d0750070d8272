//! Benchmark: `evaluate` on a synthetic plan of 1,000 placements over 100
//! servers (target: under 2 ms per evaluation).

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
