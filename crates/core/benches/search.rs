//! Benchmark: the layout search for 60 placements over the whole tier
//! catalog — every provider, unknown prices allowed, so every tier is a
//! candidate (target: under 200 ms natively). 60 placements is past the
//! exact search's reach, so this times the heuristic and its lower bound.

use criterion::{criterion_group, criterion_main, Criterion};
use stackfit_core::findings::Lang;
use stackfit_core::model::price::PriceBook;
use stackfit_core::model::{Placement, Plan, PlanOption, Provider, Server, Settings};
use stackfit_core::search::{search, Constraints};
use std::hint::black_box;

/// Six stacks of ten services (a database, a cache, web and workers, a
/// scheduler, a proxy, monitoring, a search engine and a Go service), all
/// on one server today.
pub fn sixty_placements() -> Plan {
    let mut server = Server::new("a", "today", "aliyun-ecs-g7-4xlarge");
    for s in 0..6 {
        let p = |name: &str, service: &str| Placement::new(&format!("{name}-{s}"), service);
        let db = format!("postgres-{s}");
        let cache = format!("redis-{s}");
        server.placements.extend([
            p("postgres", "postgres")
                .knob("shared_buffers_mib", 512)
                .limit(2048),
            p("redis", "redis").knob("maxmemory_mib", 256),
            p("api", "fastapi")
                .knob("workers", 2)
                .depends_on(&[&db, &cache]),
            p("worker", "celery-prefork")
                .knob("concurrency", 2)
                .depends_on(&[&db, &cache]),
            p("io", "celery-gevent")
                .knob("concurrency", 20)
                .depends_on(&[&db]),
            p("beat", "celery-beat").depends_on(&[&cache]),
            p("web", "nginx"),
            p("metrics", "prometheus"),
            p("search", "elasticsearch")
                .knob("heap_mib", 512)
                .limit(1536),
            p("app", "go-service").measured(120),
        ]);
    }
    Plan {
        quotes: Vec::new(),
        name: "bench".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("a", "A").with(server)],
    }
}

fn bench(c: &mut Criterion) {
    let plan = sixty_placements();
    let constraints = Constraints {
        providers: Provider::ALL.to_vec(),
        allow_unknown_prices: true,
        ..Constraints::default()
    };
    let book = PriceBook::default();
    let first = search(&plan, "a", &constraints, &book, Lang::En).unwrap();
    assert!(!first.layouts.is_empty() && !first.exact);
    eprintln!(
        "best {:?} fen/month on {} servers, bound {:?}, {} tiers",
        first.layouts[0].monthly_fen,
        first.layouts[0].servers.len(),
        first.bound,
        first.tiers
    );
    c.bench_function("search 60 placements, every tier", |b| {
        b.iter(|| search(black_box(&plan), "a", &constraints, &book, Lang::En).unwrap())
    });
    // The largest plan the exact search takes: the first 12 placements.
    let mut small = plan.clone();
    small.options[0].servers[0].placements.truncate(12);
    let exact = search(&small, "a", &constraints, &book, Lang::En).unwrap();
    eprintln!(
        "12 placements: exact {}, best {:?} fen/month on {} servers",
        exact.exact,
        exact.layouts[0].monthly_fen,
        exact.layouts[0].servers.len()
    );
    c.bench_function("search 12 placements, every tier", |b| {
        b.iter(|| search(black_box(&small), "a", &constraints, &book, Lang::En).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
