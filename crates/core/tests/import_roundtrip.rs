//! Round-trip readiness: what each kind writes on export (`run()`: command
//! flags and environment) reads back onto the same knob. For every catalog
//! service the exporter names by image or by command, each knob is set to a
//! value other than its default; when that changes the exported command or
//! environment, importing the exported file must give the value back.

use serde_yaml::Value;
use stackfit_core::import::{compose, ComposeInput, InputFile};
use stackfit_core::model::{KnobDef, KnobUnit, Placement, Plan, PlanOption, Server, Settings};
use stackfit_core::{catalog, evaluate, export};

const TIER: &str = "aliyun-ecs-g7-2xlarge";

/// A `.env` for an exported file: every variable it requires (`${NAME:?…}`:
/// the other servers' addresses, your own images) given a value.
fn env_for(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        rest = &rest[i + 2..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if rest[name.len()..].starts_with(":?") && !out.contains(&format!("{name}=")) {
            let value = if name.ends_with("_ADDRESS") {
                "172.16.0.10"
            } else {
                "registry.example.com/team/app:1"
            };
            out.push_str(&format!("{name}={value}\n"));
        }
    }
    out
}

fn plan_of(p: Placement) -> Plan {
    Plan {
        quotes: Vec::new(),
        name: "rt".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("a", "A").with(Server::new("s", "S", TIER).with(p))],
    }
}

/// The exported compose file and its service's command and environment.
fn exported(p: Placement) -> (String, Value) {
    let plan = plan_of(p);
    let report = evaluate(&plan);
    let text = export::compose(&plan, &report, "a", "s").expect("exports");
    let doc: Value = serde_yaml::from_str(&text).expect("parses");
    let svc = &doc["services"]["svc"];
    let run = Value::Sequence(vec![svc["command"].clone(), svc["environment"].clone()]);
    (text, run)
}

/// A value for `k` other than its default, within range, that the formats
/// kinds write can carry exactly.
fn other_value(k: &KnobDef) -> Option<i64> {
    let candidates: Vec<i64> = match k.unit {
        KnobUnit::Mib => vec![1024, 512, 2048, 256, 64, 8],
        KnobUnit::Kib => vec![204_800, 102_400],
        KnobUnit::Count => vec![k.default + 1, 3, 2, 1],
        KnobUnit::Percent => vec![60, 50, 75],
        KnobUnit::Bool => vec![1 - k.default],
        KnobUnit::Choice(_) => vec![1, 2, 3, 0],
        KnobUnit::Millicores => vec![500, 1000],
        KnobUnit::Days => vec![k.default + 1],
    };
    candidates
        .into_iter()
        .find(|v| *v != k.default && (k.min..=k.max).contains(v))
}

#[test]
fn what_kinds_write_reads_back_onto_the_same_knob() {
    let mut tested: Vec<&str> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    for def in catalog::services() {
        let base = || Placement::new("svc", def.id).limit(4096);
        let (_, default_run) = exported(base());
        let mut recognised = false;
        for k in def.knobs {
            let Some(v) = other_value(k) else { continue };
            let (text, run) = exported(base().knob(k.id, v));
            if run == default_run {
                continue; // this knob is not written
            }
            let env = env_for(&text);
            let got = compose(&ComposeInput {
                files: vec![InputFile::new("docker-compose.yml", text.as_bytes())],
                env: Some(InputFile::new(".env", env.as_bytes())),
                tier: TIER,
                ..Default::default()
            });
            let Some(plan) = got.plan.as_ref() else {
                failures.push(format!("{}.{}: {:?}", def.id, k.id, got.errors));
                continue;
            };
            let p = &plan.options[0].servers[0].placements[0];
            if p.service != def.id {
                break; // exported as your own image with nothing that names it
            }
            recognised = true;
            if p.knobs.get(k.id) != Some(&v) {
                failures.push(format!(
                    "{}.{} = {v} came back as {:?}\n{text}",
                    def.id,
                    k.id,
                    p.knobs.get(k.id)
                ));
            }
            if p.limit_mib != Some(4096) {
                failures.push(format!("{}: limit came back as {:?}", def.id, p.limit_mib));
            }
        }
        if recognised {
            tested.push(def.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for id in [
        "postgres",
        "mysql",
        "mongodb",
        "redis",
        "valkey",
        "memcached",
        "rabbitmq",
        "kafka",
        "zookeeper",
        "elasticsearch",
        "logstash",
        "kibana",
        "neo4j",
        "celery-prefork",
        "celery-gevent",
        "gitea",
        "ollama",
    ] {
        assert!(
            tested.contains(&id),
            "{id} was not round-tripped; tested: {tested:?}"
        );
    }
}

/// Every template's every option: each server's exported compose file
/// imports back as the same placements — ids, catalog services (the
/// `io.stackfit.service` label names your own code's kind too), replicas,
/// limits and the knobs the file writes.
#[test]
fn every_templates_compose_files_import_as_the_same_plan() {
    for t in stackfit_core::templates::list() {
        let plan = stackfit_core::templates::get(t.id).unwrap();
        let report = evaluate(&plan);
        for option in &plan.options {
            let or = report.option(&option.id).unwrap();
            for server in &option.servers {
                let text = export::compose(&plan, &report, &option.id, &server.id).unwrap();
                // The exported file refuses to start without the other server's address.
                let env = env_for(&text);
                let tier = if catalog::tier(&server.tier).is_some() {
                    server.tier.as_str()
                } else {
                    TIER
                };
                let got = compose(&ComposeInput {
                    files: vec![InputFile::new("docker-compose.yml", text.as_bytes())],
                    env: Some(InputFile::new(".env", env.as_bytes())),
                    tier,
                    ..Default::default()
                });
                let at = format!("{} / {} / {}", t.id, option.id, server.id);
                let back = got
                    .plan
                    .as_ref()
                    .unwrap_or_else(|| panic!("{at}: {:#?}\n{text}", got.errors));
                let placements = &back.options[0].servers[0].placements;
                assert_eq!(placements.len(), server.placements.len(), "{at}\n{text}");
                let sr = or.servers.iter().find(|s| s.id == server.id).unwrap();
                for orig in &server.placements {
                    let imported = placements
                        .iter()
                        .find(|p| p.id == orig.id)
                        .unwrap_or_else(|| panic!("{at}: {} missing", orig.id));
                    assert_eq!(orig.service, imported.service, "{at}: {}", orig.id);
                    assert_eq!(orig.replicas, imported.replicas, "{at}: {}", orig.id);
                    let pr = sr.placements.iter().find(|p| p.id == orig.id).unwrap();
                    assert_eq!(
                        imported.limit_mib,
                        Some(pr.per_replica.limit_mib),
                        "{at}: {}",
                        orig.id
                    );
                    // The file writes the plan's values as they are: every
                    // knob the import reads back is the plan's.
                    for (k, back) in &imported.knobs {
                        if let Some(v) = orig.knobs.get(k) {
                            assert_eq!(back, v, "{at}: {}.{k}", orig.id);
                        }
                    }
                }
            }
        }
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// Services of every kind the exporter writes, own code included.
    const SERVICES: &[&str] = &[
        "postgres",
        "mysql",
        "mariadb",
        "mongodb",
        "redis",
        "valkey",
        "memcached",
        "rabbitmq",
        "elasticsearch",
        "nginx",
        "fastapi",
        "gunicorn",
        "celery-prefork",
        "celery-gevent",
        "celery-beat",
        "node",
        "spring-boot",
        "go-service",
        "playwright",
        "minio",
        "custom",
    ];

    fn placement() -> impl Strategy<Value = Placement> {
        (
            0usize..SERVICES.len(),
            1u32..4,
            proptest::option::of(128u64..4096),
            1i64..9,
        )
            .prop_map(|(pick, replicas, limit, workers)| {
                let service = SERVICES[pick];
                let mut p = Placement::new("p", service).replicas(replicas);
                p.limit_mib = limit;
                let def = catalog::service(service).unwrap();
                for knob in ["workers", "concurrency"] {
                    if let Some(k) = def.knob(knob) {
                        p.knobs
                            .insert(knob.to_string(), workers.clamp(k.min, k.max));
                    }
                }
                p
            })
    }

    fn plan() -> impl Strategy<Value = Plan> {
        proptest::collection::vec(proptest::collection::vec(placement(), 1..6), 1..3).prop_map(
            |servers| {
                let mut o = PlanOption::new("a", "A");
                let mut n = 0;
                for (si, placements) in servers.into_iter().enumerate() {
                    let mut s = Server::new(&format!("s{si}"), &format!("server {si}"), TIER);
                    for mut p in placements {
                        p.id = format!("{}-{n}", p.service);
                        n += 1;
                        s.placements.push(p);
                    }
                    o.servers.push(s);
                }
                Plan {
                    quotes: Vec::new(),
                    name: "generated".into(),
                    description: String::new(),
                    settings: Settings::default(),
                    options: vec![o],
                }
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// A random plan's compose files import back as the same
        /// placements: ids, services, replicas, limits and knobs.
        #[test]
        fn exported_plans_import_as_themselves(plan in plan()) {
            let report = evaluate(&plan);
            let or = &report.options[0];
            for server in &plan.options[0].servers {
                let text = export::compose(&plan, &report, "a", &server.id).unwrap();
                let env = env_for(&text);
                let got = compose(&ComposeInput {
                    files: vec![InputFile::new("docker-compose.yml", text.as_bytes())],
                    env: Some(InputFile::new(".env", env.as_bytes())),
                    tier: TIER,
                    ..Default::default()
                });
                let back = got.plan.as_ref();
                prop_assert!(back.is_some(), "{:#?}\n{}", got.errors, text);
                let placements = &back.unwrap().options[0].servers[0].placements;
                prop_assert_eq!(placements.len(), server.placements.len());
                let sr = or.servers.iter().find(|s| s.id == server.id).unwrap();
                for orig in &server.placements {
                    let imported = placements.iter().find(|p| p.id == orig.id);
                    prop_assert!(imported.is_some(), "{} missing\n{}", orig.id, text);
                    let imported = imported.unwrap();
                    prop_assert_eq!(&orig.service, &imported.service);
                    prop_assert_eq!(orig.replicas, imported.replicas);
                    let pr = sr.placements.iter().find(|p| p.id == orig.id).unwrap();
                    prop_assert_eq!(imported.limit_mib, Some(pr.per_replica.limit_mib));
                    for (k, v) in &orig.knobs {
                        if let Some(b) = imported.knobs.get(k) {
                            prop_assert_eq!(b, v, "{}.{}", orig.id, k);
                        }
                    }
                }
            }
        }
    }
}
