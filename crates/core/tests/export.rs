//! The exporters against what consumes their files: every template's every
//! file parses as YAML with the structure Compose, Swarm and Kubernetes
//! expect, would start on a fresh server (no untagged image, every variable
//! set or marked required, every setting an image needs present, every
//! queue consumed), matches its reviewed golden, and survives hostile text.
//! The real validators (Compose Specification schema, kubernetes-validate)
//! run on the same files in the test command's validator layer.
//! `UPDATE_GOLDEN=1 cargo test -p stackfit-core --test export` rewrites the
//! goldens; read the diff before committing it.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde_yaml::Value;
use stackfit_core::export::{self, ExportFile, FileKind, Secrets};
use stackfit_core::findings::{Finding, Lang, Severity};
use stackfit_core::model::{EnvValue, Placement, Plan, PlanOption, Server, Settings};
use stackfit_core::{catalog, evaluate, templates};

fn export_all(plan: &Plan, option: &str) -> Vec<ExportFile> {
    export::files(
        plan,
        &evaluate(plan),
        option,
        &mut Secrets::placeholders(),
        Lang::En,
    )
    .unwrap()
}

/// A plan of one option "o" with `servers`.
fn one_option(name: &str, servers: Vec<Server>) -> Plan {
    Plan {
        quotes: Vec::new(),
        name: name.into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![servers
            .into_iter()
            .fold(PlanOption::new("o", "O"), PlanOption::with)],
    }
}

/// Whether server "a" of option "o" would start from its exported
/// compose file and .env, as Docker reads them.
fn server_a_starts(plan: &Plan) -> Result<(), String> {
    let files = export_all(plan, "o");
    would_start(
        &file(&files, "docker-compose.a.yml").text,
        &file(&files, ".env.a").text,
    )
}

/// The `host-port-clash` findings on the first server of the first option.
fn port_clashes(plan: &Plan) -> Vec<Finding> {
    evaluate(plan).options[0].servers[0]
        .findings
        .iter()
        .filter(|f| f.id() == "host-port-clash")
        .cloned()
        .collect()
}

fn file<'a>(files: &'a [ExportFile], name: &str) -> &'a ExportFile {
    files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// `NAME=value` lines of a .env (values unquoted as Compose reads them).
fn env_lines(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter(|l| !l.starts_with('#') && l.contains('='))
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap();
            let v = v.trim_matches('\'').trim_matches('"');
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// Every `${NAME…}` a text reads, with whether it is `${NAME:?…}` (required).
fn variables(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..end];
        let required = after[end..].starts_with(":?");
        // `$${` is a literal dollar, not a variable.
        if !(i > 0 && rest.as_bytes()[i - 1] == b'$') {
            out.push((name.to_string(), required));
        }
        rest = &after[end..];
    }
    out
}

/// Would `docker compose up` start this server's file with its .env?
fn would_start(compose: &str, env: &str) -> Result<(), String> {
    let doc = yaml(compose);
    if doc.get("version").is_some() {
        return Err("a version: key".into());
    }
    let set = env_lines(env);
    for (name, required) in variables(compose) {
        let value = set.get(&name);
        if value.is_none() && !required {
            return Err(format!("${{{name}}} is read but not set in .env"));
        }
        if value.is_some_and(|v| v.is_empty()) && !required {
            return Err(format!(
                "${{{name}}} is empty in .env and not marked required"
            ));
        }
    }
    let services = doc["services"].as_mapping().cloned().unwrap_or_default();
    // No host port published twice where Docker would refuse the second:
    // (address, host port, protocol). The address as Docker reads it: `*`
    // for every address, `*4` for `0.0.0.0` (every IPv4 one), `*6` for
    // `[::]` (every IPv6 one); `4:` or `6:` and the IP address as Go's
    // net.IP reads it (`[FD00::1]` is `[fd00::1]`, `[::ffff:127.0.0.1]` is
    // `127.0.0.1`); `?:` and the text when it is none (`${VAR}`), which may
    // be either version.
    let mut taken: Vec<(String, String, String, String)> = Vec::new();
    for (name, svc) in &services {
        for spec in svc["ports"].as_sequence().into_iter().flatten() {
            let spec = spec
                .as_str()
                .ok_or(format!("{name:?}: a port that is not a string"))?;
            let (spec, protocol) = spec.split_once('/').unwrap_or((spec, "tcp"));
            let parts: Vec<&str> = spec.rsplitn(3, ':').collect();
            if parts.len() < 2 || parts[1].starts_with('$') || parts[1].contains('}') {
                continue;
            }
            let address = match parts.get(2) {
                None | Some(&"") => "*".to_string(),
                Some(a) => match a
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .map(|ip| ip.to_canonical())
                {
                    Ok(ip) if ip.is_unspecified() && ip.is_ipv4() => "*4".to_string(),
                    Ok(ip) if ip.is_unspecified() => "*6".to_string(),
                    Ok(ip) if ip.is_ipv6() => format!("6:{ip}"),
                    Ok(ip) => format!("4:{ip}"),
                    Err(_) => format!("?:{a}"),
                },
            };
            let overlap = |a: &str, b: &str| match (a, b) {
                ("*", _) | (_, "*") => true,
                ("*4", x) | (x, "*4") => x == "*4" || x.starts_with("4:") || x.starts_with("?:"),
                ("*6", x) | (x, "*6") => x == "*6" || x.starts_with("6:") || x.starts_with("?:"),
                _ => a == b,
            };
            let (host, service) = (
                parts[1].to_string(),
                format!("{:?}", name.as_str().unwrap_or("")),
            );
            if let Some(other) = taken
                .iter()
                .find(|(a, h, p, _)| *h == host && p == protocol && overlap(a, &address))
            {
                return Err(format!(
                    "{service} publishes host port {host}/{protocol}, which {} already publishes",
                    other.3
                ));
            }
            taken.push((address, host, protocol.to_string(), service));
        }
    }
    for (name, svc) in &services {
        let name = name.as_str().ok_or("a service name that is not a string")?;
        let image = svc["image"].as_str().ok_or(format!("{name}: no image"))?;
        let tagged = image.starts_with("${")
            || image
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains(':') && !last.ends_with(":latest"));
        if !tagged {
            return Err(format!("{name}: image {image} has no tag"));
        }
        if let Some(def) = catalog::service_for_image(image) {
            let env = &svc["environment"];
            for e in def.deploy.env {
                if env.get(e.name).is_none() {
                    return Err(format!(
                        "{name}: {} missing (the image needs it to start)",
                        e.name
                    ));
                }
                if e.value == EnvValue::Secret
                    && !env[e.name].as_str().unwrap_or("").starts_with("${")
                {
                    return Err(format!(
                        "{name}: {} is a secret written into the file",
                        e.name
                    ));
                }
            }
        }
        if let Some(deps) = svc["depends_on"].as_mapping() {
            for (d, _) in deps {
                if !services.contains_key(d) {
                    return Err(format!("{name} depends on {d:?}, which is not in the file"));
                }
            }
        }
        let limits = &svc["deploy"]["resources"]["limits"];
        if limits["memory"].as_str().is_none() || limits["cpus"].as_str().is_none() {
            return Err(format!("{name}: no memory and CPU limits"));
        }
        if svc["logging"]["options"]["max-size"].as_str().is_none() {
            return Err(format!("{name}: no log rotation"));
        }
    }
    Ok(())
}

fn golden(name: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/export")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        want == got,
        "{} differs from the export; run with UPDATE_GOLDEN=1 and review the diff",
        path.display()
    );
}

/// Every template, every option: each server's compose file would start
/// with its .env, and the queues the plan names each have a consumer.
#[test]
fn every_template_export_would_start() {
    for t in templates::list() {
        let plan = templates::get(t.id).unwrap();
        for o in &plan.options {
            let files = export_all(&plan, &o.id);
            for s in &o.servers {
                let compose = &file(&files, &format!("docker-compose.{}.yml", s.id)).text;
                let env = &file(&files, &format!(".env.{}", s.id)).text;
                would_start(compose, env)
                    .unwrap_or_else(|e| panic!("{} {} {}: {e}\n{compose}", t.id, o.id, s.id));
            }
            let consumed: BTreeSet<String> = files
                .iter()
                .filter(|f| f.kind == FileKind::Compose)
                .flat_map(|f| {
                    f.text
                        .lines()
                        .filter_map(|l| {
                            l.trim()
                                .strip_prefix("- \"-Q\"")
                                .or(l.trim().strip_prefix("- --queues="))
                        })
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            let _ = consumed;
            for p in o.servers.iter().flat_map(|s| &s.placements) {
                for q in &p.queues {
                    let any = files
                        .iter()
                        .any(|f| f.kind == FileKind::Compose && f.text.contains(q.as_str()));
                    assert!(any, "{} {}: queue {q} has no consumer", t.id, o.id);
                }
            }
            // Swarm and Kubernetes files parse, every document.
            yaml(&file(&files, "stack.yml").text);
            for doc in file(&files, "kubernetes.yml").text.split("\n---\n") {
                let v = yaml(doc);
                assert!(
                    v.is_null() || v["kind"].as_str().is_some(),
                    "{}: {doc}",
                    t.id
                );
            }
            k8s_names_are_unique(&file(&files, "kubernetes.yml").text);
        }
    }
}

/// Reviewed goldens: S4's two servers (with their .env), S0's lean box, and
/// S4's Kubernetes, Swarm and DEPLOY.md.
#[test]
fn goldens() {
    let plan = templates::get("s4").unwrap();
    let files = export_all(&plan, "as-planned");
    for f in &files {
        golden(
            &format!("s4-as-planned/{}", f.name.trim_start_matches('.')),
            &f.text,
        );
    }
    let plan = templates::get("s0").unwrap();
    let files = export_all(&plan, "lean-2c4g");
    for name in ["docker-compose.a.yml", ".env.a"] {
        golden(
            &format!("s0-lean-2c4g/{}", name.trim_start_matches('.')),
            &file(&files, name).text,
        );
    }
    let zh = export::files(
        &plan,
        &evaluate(&plan),
        "lean-2c4g",
        &mut Secrets::placeholders(),
        Lang::Zh,
    )
    .unwrap();
    golden("s0-lean-2c4g/DEPLOY.zh.md", &file(&zh, "DEPLOY.md").text);
}

/// Every number in a file is the report's: limits, reservations, replicas.
#[test]
fn limits_in_the_files_are_the_reports() {
    for t in templates::list() {
        let plan = templates::get(t.id).unwrap();
        let report = evaluate(&plan);
        for o in &plan.options {
            let files = export_all(&plan, &o.id);
            let or = report.option(&o.id).unwrap();
            for s in &o.servers {
                let doc = yaml(&file(&files, &format!("docker-compose.{}.yml", s.id)).text);
                for p in &s.placements {
                    let pr = or.server(&s.id).unwrap().placement(&p.id).unwrap();
                    let svc = &doc["services"][p.id.as_str()];
                    let res = &svc["deploy"]["resources"];
                    assert_eq!(
                        res["limits"]["memory"].as_str().unwrap(),
                        export::mem_size(pr.per_replica.limit_mib),
                        "{} {} {}",
                        t.id,
                        o.id,
                        p.id
                    );
                    assert_eq!(
                        res["reservations"]["memory"].as_str().unwrap(),
                        export::mem_size(pr.per_replica.expected_mib.max(1))
                    );
                    if pr.replicas > 1 {
                        assert_eq!(
                            svc["deploy"]["replicas"].as_u64(),
                            Some(u64::from(pr.replicas))
                        );
                    }
                }
            }
        }
    }
}

fn two_servers() -> Plan {
    let a = Server::new("db", "DB box", "aliyun-ecs-c7-large")
        .private_address("172.16.0.10")
        .with(Placement::new("postgres", "postgres"));
    let b = Server::new("app", "App box", "aliyun-ecs-c7-large").with(
        Placement::new("api", "fastapi")
            .depends_on(&["postgres"])
            .public()
            .port(8000),
    );
    Plan {
        quotes: Vec::new(),
        name: "two".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(a).with(b)],
    }
}

/// A database another server reaches is published on its private address
/// only; the app reaches it there, with the same generated password.
#[test]
fn cross_server_dependencies_use_the_private_address() {
    let plan = two_servers();
    let mut n = 0;
    let mut secrets = Secrets::new(|| {
        n += 1;
        format!("s{n}")
    });
    let files = export::files(&plan, &evaluate(&plan), "o", &mut secrets, Lang::En).unwrap();
    let db = yaml(&file(&files, "docker-compose.db.yml").text);
    assert_eq!(
        db["services"]["postgres"]["ports"][0].as_str(),
        Some("172.16.0.10:5432:5432")
    );
    let app = yaml(&file(&files, "docker-compose.app.yml").text);
    let env = &app["services"]["api"]["environment"];
    assert_eq!(env["POSTGRES_HOST"].as_str(), Some("172.16.0.10"));
    assert_eq!(env["POSTGRES_PORT"].as_str(), Some("5432"));
    // Public: published on every interface.
    assert_eq!(
        app["services"]["api"]["ports"][0].as_str(),
        Some("8000:8000")
    );
    // One secret for the option, in both servers' .env.
    let a = env_lines(&file(&files, ".env.db").text);
    let b = env_lines(&file(&files, ".env.app").text);
    assert_eq!(a["POSTGRES_PASSWORD"], b["POSTGRES_PASSWORD"]);
    assert_eq!(a["POSTGRES_PASSWORD"], "s1");
}

/// A private address the port can bind is written in it (an IPv6 one in
/// brackets); a host name cannot be bound — Docker refuses it as "invalid
/// IP address" — so the file binds the `.env` variable for the server's IP
/// instead, while the app still reaches the database by that name.
#[test]
fn a_private_port_binds_an_ip_address_never_a_host_name() {
    for (address, bound) in [
        ("172.16.0.10", "172.16.0.10:5432:5432"),
        ("fd00::10", "[fd00::10]:5432:5432"),
        ("[fd00::10]", "[fd00::10]:5432:5432"),
        (
            "db.internal",
            "${SERVER_DB_PRIVATE_ADDRESS:?set SERVER_DB_PRIVATE_ADDRESS in .env}:5432:5432",
        ),
    ] {
        let mut plan = two_servers();
        plan.options[0].servers[0].private_address = Some(address.into());
        let files = export_all(&plan, "o");
        let compose = &file(&files, "docker-compose.db.yml").text;
        let env = &file(&files, ".env.db").text;
        let db = yaml(compose);
        assert_eq!(db["services"]["postgres"]["ports"][0].as_str(), Some(bound));
        assert_eq!(
            env_lines(env).contains_key("SERVER_DB_PRIVATE_ADDRESS"),
            address == "db.internal",
            "{address}: {env}"
        );
        let app = yaml(&file(&files, "docker-compose.app.yml").text);
        assert_eq!(
            app["services"]["api"]["environment"]["POSTGRES_HOST"].as_str(),
            Some(address),
            "{address}"
        );
    }
}

fn client_plan(client: &str, same_server: bool, depends: bool) -> Plan {
    let app = if depends {
        Placement::new(client, client).depends_on(&["postgres"])
    } else {
        Placement::new(client, client)
    };
    let db = Server::new("db", "DB box", "aliyun-ecs-c7-large")
        .private_address("172.16.0.10")
        .with(Placement::new("postgres", "postgres"));
    let option = if same_server {
        PlanOption::new("o", "O").with(db.with(app))
    } else {
        PlanOption::new("o", "O")
            .with(db)
            .with(Server::new("app", "App box", "aliyun-ecs-c7-large").with(app))
    };
    Plan {
        quotes: Vec::new(),
        name: "client".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![option],
    }
}

/// The services that log in to the PostgreSQL they depend on, with the
/// variables that name its password and its host.
const DATABASE_CLIENTS: [(&str, &str, &str); 4] = [
    ("pgbouncer", "DB_PASSWORD", "DB_HOST"),
    ("temporal", "POSTGRES_PWD", "POSTGRES_SEEDS"),
    (
        "authentik-server",
        "AUTHENTIK_POSTGRESQL__PASSWORD",
        "AUTHENTIK_POSTGRESQL__HOST",
    ),
    ("kong-postgres", "KONG_PG_PASSWORD", "KONG_PG_HOST"),
];

/// A service that logs in to its database (PgBouncer, Temporal, authentik,
/// Kong) reaches it — by its service name, or at its private address on
/// another server — with that database's own generated password: the same
/// variable, never a second secret that would make every login fail.
#[test]
fn a_database_client_reaches_and_logs_in_to_its_database() {
    for (client, password, host) in DATABASE_CLIENTS {
        for same_server in [true, false] {
            let plan = client_plan(client, same_server, true);
            let mut n = 0;
            let mut secrets = Secrets::new(|| {
                n += 1;
                format!("s{n}")
            });
            let files =
                export::files(&plan, &evaluate(&plan), "o", &mut secrets, Lang::En).unwrap();
            let (compose, env) = if same_server {
                ("docker-compose.db.yml", ".env.db")
            } else {
                ("docker-compose.app.yml", ".env.app")
            };
            let doc = yaml(&file(&files, compose).text);
            let environment = &doc["services"][client]["environment"];
            let at = format!("{client}, same server: {same_server}");
            assert_eq!(
                environment[password].as_str(),
                Some("${POSTGRES_PASSWORD}"),
                "{at}"
            );
            assert_eq!(
                environment[host].as_str(),
                Some(if same_server {
                    "postgres"
                } else {
                    "172.16.0.10"
                }),
                "{at}"
            );
            let client_env = env_lines(&file(&files, env).text);
            let db_env = env_lines(&file(&files, ".env.db").text);
            assert_eq!(
                client_env["POSTGRES_PASSWORD"], db_env["POSTGRES_PASSWORD"],
                "{at}"
            );
            assert_eq!(
                client_env
                    .keys()
                    .filter(|k| k.contains("PASSWORD") || k.contains("PWD"))
                    .count(),
                1,
                "{at}: no second secret: {client_env:?}"
            );
            would_start(&file(&files, compose).text, &file(&files, env).text).unwrap();
            // In the cluster and on the swarm's overlay network the
            // database is its service name, whichever server it had: not
            // the private address the compose file writes.
            let config = config_map(&file(&files, "kubernetes.yml").text, client);
            assert_eq!(config["data"][host].as_str(), Some("postgres"), "{at}");
            let stack = yaml(&file(&files, "stack.yml").text);
            assert_eq!(
                stack["services"][client]["environment"][host].as_str(),
                Some("postgres"),
                "{at}"
            );
        }
    }
}

/// A pool that depends on no database gets a password of its own, and
/// the file says which value to set.
#[test]
fn a_pool_without_its_database_is_told_to_set_the_password() {
    let plan = client_plan("pgbouncer", false, false);
    let files = export_all(&plan, "o");
    let compose = &file(&files, "docker-compose.app.yml").text;
    assert_eq!(
        yaml(compose)["services"]["pgbouncer"]["environment"]["DB_PASSWORD"].as_str(),
        Some("${DB_PASSWORD}")
    );
    assert!(
        compose.contains("pgbouncer depends on no database that takes a generated password: set DB_PASSWORD in .env to its database's password"),
        "{compose}"
    );
    assert!(env_lines(&file(&files, ".env.app").text).contains_key("DB_PASSWORD"));
}

/// Secrets never reach a plan file or a link: the plan holds none.
#[test]
fn secrets_are_not_in_the_plan() {
    let plan = two_servers();
    let files = export_all(&plan, "o");
    let secret = env_lines(&file(&files, ".env.db").text)["POSTGRES_PASSWORD"].clone();
    assert!(!stackfit_core::codec::to_json(&plan).contains(&secret));
}

/// Placement ids YAML would retype (`true`, `yes`, `010`, `0x1f`, `null`)
/// stay string service names: five services, not fewer.
#[test]
fn ids_yaml_would_retype_stay_strings() {
    let ids = ["true", "yes", "010", "0x1f", "null"];
    let mut s = Server::new("s", "S", "aliyun-ecs-c7-xlarge");
    for id in ids {
        s.placements.push(Placement::new(id, "redis"));
    }
    let plan = Plan {
        quotes: Vec::new(),
        name: "ids".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(s)],
    };
    let files = export_all(&plan, "o");
    let doc = yaml(&file(&files, "docker-compose.s.yml").text);
    let names: Vec<&str> = doc["services"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().expect("a string key"))
        .collect();
    assert_eq!(names, ids);
}

/// Two dependencies whose ids map to one variable name (`cache-a`,
/// `cache_a`) got the same environment key twice.
#[test]
fn dependency_variables_never_repeat_a_key() {
    let s = Server::new("s", "S", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("cache-a", "redis"))
        .with(Placement::new("cache_a", "redis"))
        .with(Placement::new("app", "fastapi").depends_on(&["cache-a", "cache_a"]));
    let plan = Plan {
        quotes: Vec::new(),
        name: "deps".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(s)],
    };
    let text = file(&export_all(&plan, "o"), "docker-compose.s.yml")
        .text
        .clone();
    let doc = yaml(&text);
    let env = doc["services"]["app"]["environment"].as_mapping().unwrap();
    assert!(
        env.contains_key("CACHE_A_HOST") && env.contains_key("CACHE_A_2_HOST"),
        "{text}"
    );
    // serde_yaml refuses duplicate keys: parsing at all proves none repeat.
}

/// The ConfigMap of `placement` (its settings, by name) in `manifests`.
fn config_map(manifests: &str, placement: &str) -> Value {
    let name = format!("{placement}-config");
    manifests
        .split("\n---\n")
        .map(yaml)
        .find(|d| {
            d["kind"].as_str() == Some("ConfigMap") && d["metadata"]["name"].as_str() == Some(&name)
        })
        .unwrap_or_else(|| panic!("no ConfigMap {name}:\n{manifests}"))
}

/// No two documents of one kind share a name: `kubectl apply` would keep
/// only the last, and a Service's selector would pick both's pods.
fn k8s_names_are_unique(manifests: &str) {
    let mut seen = std::collections::HashSet::new();
    for doc in manifests.split("\n---\n").map(yaml) {
        if let (Some(kind), Some(name)) = (doc["kind"].as_str(), doc["metadata"]["name"].as_str()) {
            assert!(
                seen.insert((kind.to_string(), name.to_string())),
                "{kind} {name} twice:\n{manifests}"
            );
        }
    }
}

/// Two ids that make the same name in the cluster (`cache-a`, `cache_a`)
/// get two: the second is `cache-a-2`, and what depends on it reaches it
/// by that name.
#[test]
fn ids_alike_in_kubernetes_get_names_of_their_own() {
    let s = Server::new("s", "S", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("cache-a", "redis"))
        .with(Placement::new("cache_a", "redis"))
        .with(Placement::new("app", "fastapi").depends_on(&["cache-a", "cache_a"]));
    let plan = one_option("deps", vec![s]);
    let manifests = file(&export_all(&plan, "o"), "kubernetes.yml").text.clone();
    k8s_names_are_unique(&manifests);
    let docs: Vec<Value> = manifests.split("\n---\n").map(yaml).collect();
    let services: Vec<&str> = docs
        .iter()
        .filter(|d| d["kind"].as_str() == Some("Service"))
        .filter_map(|d| d["metadata"]["name"].as_str())
        .collect();
    assert!(
        services.contains(&"cache-a") && services.contains(&"cache-a-2"),
        "{services:?}"
    );
    let config = config_map(&manifests, "app");
    assert_eq!(config["data"]["CACHE_A_HOST"].as_str(), Some("cache-a"));
    assert_eq!(config["data"]["CACHE_A_2_HOST"].as_str(), Some("cache-a-2"));
}

/// Three ids whose names meet (`a-b`, `a_b`, `a-b-2`): each keeps its
/// own name where it is free and the numbered ones skip names in use, so
/// every dependency has its own variables, and in the cluster its own
/// Service, which the app's ConfigMap names. (`A_B_2_HOST` was written
/// for both `a_b` and `a-b-2`.)
#[test]
fn three_ids_alike_each_get_their_own_name() {
    let s = Server::new("s", "S", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("a-b", "redis"))
        .with(Placement::new("a_b", "redis"))
        .with(Placement::new("a-b-2", "redis"))
        .with(Placement::new("app", "fastapi").depends_on(&["a-b", "a_b", "a-b-2"]));
    let plan = one_option("deps", vec![s]);
    let files = export_all(&plan, "o");
    let compose = yaml(&file(&files, "docker-compose.s.yml").text);
    let env = &compose["services"]["app"]["environment"];
    for (key, host) in [
        ("A_B_HOST", "a-b"),
        ("A_B_3_HOST", "a_b"),
        ("A_B_2_HOST", "a-b-2"),
    ] {
        assert_eq!(env[key].as_str(), Some(host), "{key}: {env:?}");
    }
    let manifests = &file(&files, "kubernetes.yml").text;
    k8s_names_are_unique(manifests);
    let config = config_map(manifests, "app");
    for (key, service) in [
        ("A_B_HOST", "a-b"),
        ("A_B_3_HOST", "a-b-3"),
        ("A_B_2_HOST", "a-b-2"),
    ] {
        assert_eq!(config["data"][key].as_str(), Some(service), "{key}");
    }
}

/// PgBouncer reads its database's host as `DB_HOST`; a database named
/// `db` gives the dependency's own `DB_HOST` too. It is written once
/// (Compose refuses a key twice), in every file.
#[test]
fn a_dependency_named_like_an_image_setting_is_written_once() {
    let s = Server::new("a", "A", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("db", "postgres"))
        .with(Placement::new("pool", "pgbouncer").depends_on(&["db"]));
    let plan = one_option("pool", vec![s]);
    let files = export_all(&plan, "o");
    let compose = &file(&files, "docker-compose.a.yml").text;
    let pool = &compose[compose.find("\n  pool:\n").unwrap()..];
    assert_eq!(pool.matches("DB_HOST:").count(), 1, "{compose}");
    assert_eq!(
        yaml(compose)["services"]["pool"]["environment"]["DB_HOST"].as_str(),
        Some("db")
    );
    assert_eq!(server_a_starts(&plan), Ok(()));
    let stack = &file(&files, "stack.yml").text;
    yaml(stack);
    let config = config_map(&file(&files, "kubernetes.yml").text, "pool");
    assert_eq!(config["data"]["DB_HOST"].as_str(), Some("db"));
}

/// The second of two such dependencies, on another server, is reached on
/// the swarm's overlay network by its service name like the first: it was
/// written as the other server's private address, a variable the stack's
/// `.env.swarm` does not hold, so `docker stack deploy` stopped.
#[test]
fn every_dependency_is_its_service_name_on_the_swarm() {
    let caches = Server::new("c", "C", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("cache-a", "redis"))
        .with(Placement::new("cache_a", "redis"));
    let app = Server::new("s", "S", "aliyun-ecs-c7-xlarge")
        .with(Placement::new("app", "fastapi").depends_on(&["cache-a", "cache_a"]));
    let plan = one_option("deps", vec![caches, app]);
    let files = export_all(&plan, "o");
    let stack = &file(&files, "stack.yml").text;
    let env = &yaml(stack)["services"]["app"]["environment"];
    assert_eq!(env["CACHE_A_HOST"].as_str(), Some("cache-a"), "{stack}");
    assert_eq!(env["CACHE_A_2_HOST"].as_str(), Some("cache_a"), "{stack}");
    assert!(!stack.contains("PRIVATE_ADDRESS"), "{stack}");
}

/// A placement's own environment line named like a key the export sets
/// itself (a dependency's host, a tuned setting, the image's password) was
/// written a second time: Compose refuses a mapping with a key twice. The
/// export's value stays, the line is noted, and a name the .env already
/// holds for a secret gets the placement's prefix.
#[test]
fn a_placement_env_line_never_repeats_a_key_the_export_sets() {
    let mut plan = two_servers();
    let api = &mut plan.options[0].servers[1].placements[0];
    api.env.insert("POSTGRES_HOST".into(), "evil".into());
    api.env.insert("POSTGRES_PASSWORD".into(), "hunter2".into());
    api.env.insert("APP_MODE".into(), "prod".into());
    let files = export_all(&plan, "o");
    let text = &file(&files, "docker-compose.app.yml").text;
    // serde_yaml refuses duplicate keys: parsing at all proves none repeat.
    let doc = yaml(text);
    let env = &doc["services"]["api"]["environment"];
    assert_eq!(env["POSTGRES_HOST"].as_str(), Some("172.16.0.10"), "{text}");
    assert_eq!(
        env["POSTGRES_PASSWORD"].as_str(),
        Some("${POSTGRES_PASSWORD}")
    );
    assert_eq!(env["APP_MODE"].as_str(), Some("${APP_MODE}"));
    assert!(
        text.contains("StackFit sets POSTGRES_HOST itself"),
        "{text}"
    );
    let dotenv = env_lines(&file(&files, ".env.app").text);
    assert_eq!(dotenv["APP_MODE"], "prod");
    assert_ne!(dotenv["POSTGRES_PASSWORD"], "hunter2");
    assert!(!dotenv.values().any(|v| v == "evil" || v == "hunter2"));
}

/// The image's own secret cannot be typed into a plan: the action is
/// refused (in both languages) and a plan file holding one is repaired.
#[test]
fn a_generated_secret_is_refused_as_an_environment_line() {
    let plan = two_servers();
    let mut edited = plan.clone();
    let err = stackfit_core::apply(
        &mut edited,
        &stackfit_core::Action::SetEnv {
            option: "o".into(),
            placement: "postgres".into(),
            name: "POSTGRES_PASSWORD".into(),
            value: Some("hunter2".into()),
        },
    )
    .unwrap_err();
    assert_eq!(edited, plan);
    assert!(
        err.message_en().contains("generated"),
        "{}",
        err.message_en()
    );
    assert!(err.message_zh().contains("导出时"), "{}", err.message_zh());
    let mut with_secret = plan.clone();
    with_secret.options[0].servers[0].placements[0]
        .env
        .insert("POSTGRES_PASSWORD".into(), "hunter2".into());
    let restored =
        stackfit_core::codec::from_json(&stackfit_core::codec::to_json(&with_secret)).unwrap();
    assert!(restored.plan.options[0].servers[0].placements[0]
        .env
        .is_empty());
    assert!(!restored.fixes.is_empty());
}

/// Hostile text in every place a plan's text reaches a file: labels, names,
/// notes, env values. U+2028/U+2029 are line breaks to YAML readers, U+FFFE
/// and C1 characters invalid YAML, `$` an interpolation to Compose. The
/// file still parses, has exactly the plan's services and no key the plan
/// did not put there.
#[test]
fn hostile_text_cannot_break_the_yaml_or_inject_a_key() {
    let evil = "x\u{2028}    privileged: true\u{2029}include: [/etc]\u{85}\u{FFFE}\u{9b}$HOME ${X} \" ' # :";
    let mut plan = two_servers();
    plan.name = evil.into();
    plan.options[0].name = evil.into();
    let o = &mut plan.options[0];
    o.servers[0].label = evil.into();
    o.servers[1].placements[0].note = evil.into();
    o.servers[1].placements[0]
        .env
        .insert("APP_MODE".into(), evil.into());
    o.servers[1].placements[0].command =
        vec!["run".into(), evil.into(), "$(cat /etc/passwd)".into()];
    // Straight to the exporter, bypassing the validator that would clean it.
    let files = export_all(&plan, "o");
    for f in files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Compose | FileKind::Swarm))
    {
        let doc = yaml(&f.text);
        let top: Vec<&str> = doc
            .as_mapping()
            .unwrap()
            .keys()
            .filter_map(|k| k.as_str())
            .collect();
        assert!(
            top.iter().all(|k| ["services", "volumes"].contains(k)),
            "{}: {top:?}",
            f.name
        );
        for (_, svc) in doc["services"].as_mapping().unwrap() {
            assert!(svc.get("privileged").is_none(), "{}", f.name);
        }
    }
    let app = yaml(&file(&files, "docker-compose.app.yml").text);
    assert_eq!(app["services"].as_mapping().unwrap().len(), 1);
    // The env value reaches the container only through .env, single-quoted.
    assert_eq!(
        app["services"]["api"]["environment"]["APP_MODE"].as_str(),
        Some("${APP_MODE}")
    );
    // The command's words stay words, with no interpolation: Compose's
    // `$$`, and Kubernetes' `$$(` (it expands `$(VAR)` in args).
    let command = app["services"]["api"]["command"].as_sequence().unwrap();
    assert_eq!(command.len(), 3);
    assert_eq!(command[2].as_str(), Some("$$(cat /etc/passwd)"));
    let mut args = None;
    for doc in file(&files, "kubernetes.yml").text.split("\n---\n") {
        let d = yaml(doc);
        if d["kind"].as_str() == Some("Deployment") && d["metadata"]["name"].as_str() == Some("api")
        {
            args = d["spec"]["template"]["spec"]["containers"][0]["args"]
                .as_sequence()
                .cloned();
        }
    }
    let args = args.expect("the api's args");
    assert_eq!(args.len(), 3);
    assert_eq!(args[2].as_str(), Some("$$(cat /etc/passwd)"));
}

/// postgresql.conf is PGTune's web profile for the container's limit once
/// the plan holds PGTune's values, computed here from PGTune's published
/// formulas (peer tools digest §c) for several sizes, CPUs and disks.
#[test]
fn postgresql_conf_equals_pgtune_for_the_limit() {
    use stackfit_core::model::DiskType;
    for (limit, vcpu, conns, disk) in [
        (1024u64, 2u32, 100u64, DiskType::Ssd),
        (4096, 8, 150, DiskType::Ssd),
        (16 * 1024, 4, 200, DiskType::Hdd),
        (3 * 1024, 16, 300, DiskType::Nvme),
    ] {
        let ram_kib = limit * 1024;
        let sb = ram_kib / 4;
        let workers = if vcpu >= 4 { u64::from(vcpu) } else { 8 };
        let work_mem = ((ram_kib - sb) / ((conns + workers) * 3)).max(4096);
        let maint = (ram_kib / 16).min(8 * 1024 * 1024);
        let mut wal = sb * 3 / 100;
        if wal > 14 * 1024 {
            wal = 16 * 1024;
        }
        let size = |kib: u64| {
            if kib.is_multiple_of(1024 * 1024) {
                format!("'{}GB'", kib / 1024 / 1024)
            } else if kib.is_multiple_of(1024) {
                format!("'{}MB'", kib / 1024)
            } else {
                format!("'{kib}kB'")
            }
        };
        let mut want = vec![
            ("max_connections", conns.to_string()),
            ("shared_buffers", size(sb)),
            ("effective_cache_size", size(ram_kib * 3 / 4)),
            ("maintenance_work_mem", size(maint)),
            ("wal_buffers", size(wal.max(32))),
            ("min_wal_size", "'1024MB'".into()),
            ("max_wal_size", "'4096MB'".into()),
            ("checkpoint_completion_target", "0.9".into()),
            ("default_statistics_target", "100".into()),
            (
                "random_page_cost",
                if disk == DiskType::Hdd {
                    "4".into()
                } else {
                    "1.1".into()
                },
            ),
            (
                "effective_io_concurrency",
                match disk {
                    DiskType::Hdd => "2",
                    DiskType::Ssd => "200",
                    DiskType::San => "300",
                    DiskType::Nvme => "1000",
                }
                .into(),
            ),
            (
                "huge_pages",
                if sb >= 2 * 1024 * 1024 {
                    "'try'".into()
                } else {
                    "'off'".into()
                },
            ),
        ];
        if vcpu >= 4 {
            let half = u64::from(vcpu).div_ceil(2).min(4);
            want.push(("max_worker_processes", vcpu.to_string()));
            want.push(("max_parallel_workers", vcpu.to_string()));
            want.push(("max_parallel_maintenance_workers", half.to_string()));
            want.push(("max_parallel_workers_per_gather", half.to_string()));
        }
        // A plan whose PostgreSQL already holds PGTune's values for its limit.
        let mut s = Server::new("db", "DB", "custom").spec(vcpu, limit * 2);
        s.disk = disk;
        s.placements.push(
            Placement::new("pg", "postgres")
                .knob("max_connections", conns as i64)
                .knob("shared_buffers_mib", (sb / 1024) as i64)
                .knob("maintenance_work_mem_mib", (maint / 1024) as i64)
                .knob("work_mem_mib", (work_mem / 1024) as i64)
                .knob(
                    "max_parallel_workers_per_gather",
                    if vcpu >= 4 {
                        u64::from(vcpu).div_ceil(2).min(4) as i64
                    } else {
                        2
                    },
                )
                .limit(limit),
        );
        let plan = one_option("pg", vec![s]);
        let files = export_all(&plan, "o");
        let conf = &file(&files, "postgresql.pg.conf").text;
        let got: HashMap<&str, &str> = conf
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('#').next()?.split_once(" = "))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        for (k, v) in &want {
            assert_eq!(
                got.get(k).copied(),
                Some(v.as_str()),
                "{limit} MiB {vcpu} CPU {disk:?}: {k}\n{conf}"
            );
        }
        // work_mem: PGTune's figure in whole MB (the plan holds MiB).
        assert_eq!(got["work_mem"], size(work_mem / 1024 * 1024), "{conf}");
        let sql = &file(&files, "alter-system.pg.sql").text;
        assert!(sql.contains("ALTER SYSTEM SET shared_buffers = "), "{sql}");
    }
}

/// The zip holds every file, stored, with the right CRC.
#[test]
fn zip_holds_every_file() {
    let plan = templates::get("s4").unwrap();
    let files = export_all(&plan, "as-planned");
    let zip = export::zip_files(&files);
    assert_eq!(&zip[..4], b"PK\x03\x04");
    let eocd = zip.len() - 22;
    assert_eq!(&zip[eocd..eocd + 4], b"PK\x05\x06");
    let count = u16::from_le_bytes([zip[eocd + 10], zip[eocd + 11]]) as usize;
    assert_eq!(count, files.len());
    let first = &files[0];
    let crc = u32::from_le_bytes(zip[14..18].try_into().unwrap());
    assert_eq!(crc, export::zip::crc32(first.text.as_bytes()));
}

#[test]
fn unknown_option_exports_nothing() {
    let plan = templates::get("s4").unwrap();
    let report = evaluate(&plan);
    assert!(export::files(
        &plan,
        &report,
        "nope",
        &mut Secrets::placeholders(),
        Lang::En
    )
    .is_none());
    assert!(export::compose(&plan, &report, "as-planned", "z").is_none());
}

/// The services whose memory at start is sized from the open-file limit,
/// with the limit the catalog's figures assume (`Deploy::nofile`).
const NOFILE_SERVICES: [(&str, u64); 10] = [
    ("mysql", 64_000),
    ("haproxy", 1_048_576),
    ("squid", 100_000),
    ("phoenix", 65_536),
    ("couchdb", 65_536),
    ("rabbitmq", 65_536),
    ("plausible", 65_536),
    ("supabase-realtime", 10_000),
    ("supabase-analytics", 65_536),
    ("supavisor", 65_536),
];

fn one_server(services: &[&str]) -> Plan {
    let mut server = Server::new("a", "A", "aliyun-ecs-c7-large");
    for s in services {
        server = server.with(Placement::new(s, s));
    }
    Plan {
        quotes: Vec::new(),
        name: "nofile".into(),
        description: String::new(),
        settings: Settings::default(),
        options: vec![PlanOption::new("o", "O").with(server)],
    }
}

/// An image whose memory depends on the open-file limit gets `ulimits:
/// nofile` (soft = hard, the catalog's value) in compose and in the Swarm
/// stack, and a note in the Kubernetes manifest, which has no such field;
/// PostgreSQL, whose memory does not depend on it, gets none of them.
#[test]
fn open_file_limits_are_written_where_memory_depends_on_them() {
    let mut services: Vec<&str> = NOFILE_SERVICES.iter().map(|(s, _)| *s).collect();
    services.push("postgres");
    let plan = one_server(&services);
    let files = export_all(&plan, "o");
    let compose = yaml(&file(&files, "docker-compose.a.yml").text);
    let stack = yaml(&file(&files, "stack.yml").text);
    for (service, n) in NOFILE_SERVICES {
        assert_eq!(
            catalog::service(service).unwrap().deploy.nofile,
            Some(n as u32),
            "{service}"
        );
        for doc in [&compose, &stack] {
            let nofile = &doc["services"][service]["ulimits"]["nofile"];
            assert_eq!(nofile["soft"].as_u64(), Some(n), "{service}");
            assert_eq!(nofile["hard"].as_u64(), Some(n), "{service}");
        }
    }
    for doc in [&compose, &stack] {
        assert!(doc["services"]["postgres"].get("ulimits").is_none());
    }
    let k8s = &file(&files, "kubernetes.yml").text;
    assert!(!k8s.contains("ulimits:"));
    for (service, n) in NOFILE_SERVICES {
        let note = format!("# nofile {n} (the compose file's ulimits) is not set");
        let doc = k8s
            .split("\n---\n")
            .find(|d| d.contains(&format!("# {service}:")))
            .unwrap_or_else(|| panic!("no manifest for {service}"));
        assert!(doc.contains(&note), "{service}:\n{doc}");
    }
    let pg = k8s
        .split("\n---\n")
        .find(|d| d.contains("# postgres:"))
        .unwrap();
    assert!(!pg.contains("# nofile"), "{pg}");
    // The file would still start: the block changes nothing else.
    would_start(
        &file(&files, "docker-compose.a.yml").text,
        &file(&files, ".env.a").text,
    )
    .unwrap();
}

/// Every BEAM node in the catalog (RabbitMQ included) sizes its port table
/// from the open-file limit, so every one carries a `nofile`.
#[test]
fn every_beam_image_carries_an_open_file_limit() {
    use stackfit_core::model::KindId;
    for s in catalog::services() {
        if matches!(s.kind, KindId::Beam | KindId::Rabbitmq) {
            assert!(s.deploy.nofile.is_some(), "{}", s.id);
        }
    }
}

/// Two public proxies on one server both get host port 80 from the
/// planner: the compose file would not start (Docker refuses the second
/// "port is already allocated"). The export says so beside the second and
/// in DEPLOY.md, in both languages; the would-start check, reading the
/// file as Docker would, refuses it too.
#[test]
fn a_host_port_published_twice_on_one_server_is_said() {
    let mut plan = one_server(&["nginx", "caddy"]);
    for p in &mut plan.options[0].servers[0].placements {
        p.public = true;
    }
    let files = export_all(&plan, "o");
    let compose = &file(&files, "docker-compose.a.yml").text;
    let env = &file(&files, ".env.a").text;
    assert_eq!(
        would_start(compose, env),
        Err("\"caddy\" publishes host port 80/tcp, which \"nginx\" already publishes".into()),
        "{compose}"
    );
    let caddy = &compose[compose.find("\n  caddy:\n").unwrap()..];
    assert!(
        caddy.contains("# host port 80/tcp is published by nginx on this server too: Docker would refuse this one; publish one of them on another host port"),
        "{compose}"
    );
    let deploy = &file(&files, "DEPLOY.md").text;
    assert!(
        deploy.contains(
            "> **Host port 80/tcp is published twice on A (a):** by `nginx` and by `caddy`."
        ),
        "{deploy}"
    );
    // Beside the verdict, as everywhere a verdict is shown.
    assert!(
        compose.contains("# verdict: fits · port clash (option: fits · port clash); "),
        "{compose}"
    );
    assert!(
        deploy.contains("Plan **nofile** — verdict: fits · ⚠ port clash\n"),
        "{deploy}"
    );
    let zh = export::files(
        &plan,
        &evaluate(&plan),
        "o",
        &mut Secrets::placeholders(),
        Lang::Zh,
    )
    .unwrap();
    assert!(
        file(&zh, "DEPLOY.md")
            .text
            .contains("> **A（a）上的主机端口 80/tcp 发布了两次**：`nginx` 和 `caddy`。")
            && file(&zh, "DEPLOY.md")
                .text
                .contains("方案：**nofile** — 结论：放得下 · ⚠ 端口冲突\n"),
        "{}",
        file(&zh, "DEPLOY.md").text
    );

    // The planner says it before any export, from the same clash the
    // file's comment comes from: a critical finding on caddy, whose fix
    // (caddy stops publishing) gives a file that starts.
    let report = evaluate(&plan);
    let server = &report.options[0].servers[0];
    assert_eq!(server.port_clashes.len(), 1);
    let found: Vec<_> = server
        .findings
        .iter()
        .filter(|f| f.id() == "host-port-clash")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", server.findings);
    assert_eq!(found[0].severity, Severity::Critical);
    assert_eq!(found[0].placement.as_deref(), Some("caddy"));
    assert!(
        found[0].message_en().starts_with(
            "caddy publishes host port 80/tcp, which nginx on this server publishes too"
        ),
        "{}",
        found[0].message_en()
    );
    assert!(
        found[0]
            .message_zh()
            .starts_with("caddy 发布的主机端口 80/tcp 已被本服务器上的 nginx 占用"),
        "{}",
        found[0].message_zh()
    );
    let fix = found[0].fix.clone().expect("a fix");
    let mut fixed = plan.clone();
    stackfit_core::edit::apply(&mut fixed, &fix.action).unwrap();
    assert_eq!(server_a_starts(&fixed), Ok(()));
    let report = evaluate(&fixed);
    assert!(report.options[0].servers[0].port_clashes.is_empty());
    assert!(port_clashes(&fixed).is_empty());

    // One of them on another host port: nothing to say.
    plan.options[0].servers[0].placements[1].port = Some(8080);
    let files = export_all(&plan, "o");
    let compose = &file(&files, "docker-compose.a.yml").text;
    assert_eq!(
        would_start(compose, &file(&files, ".env.a").text),
        Ok(()),
        "{compose}"
    );
    assert!(!compose.contains("Docker would refuse"), "{compose}");
    assert!(!file(&files, "DEPLOY.md").text.contains("published twice"));
}

/// A port published on `0.0.0.0` takes every IPv4 address and one on
/// `[::]` every IPv6 address: a stack that splits host port 80 that way
/// starts, and the planner says nothing; one more on `127.0.0.1` is
/// refused beside `0.0.0.0`, and said.
#[test]
fn ports_on_ipv4_and_ipv6_wildcards_do_not_clash() {
    let mut plan = one_server(&["nginx", "caddy", "traefik"]);
    let placements = &mut plan.options[0].servers[0].placements;
    placements[0].ports = vec!["0.0.0.0:80:80".into()];
    placements[1].ports = vec!["[::]:80:80".into(), "[::1]:8080:80".into()];
    placements[2].ports = vec!["0.0.0.0:8080:80".into()];
    assert_eq!(server_a_starts(&plan), Ok(()));
    assert!(port_clashes(&plan).is_empty(), "{:?}", port_clashes(&plan));

    plan.options[0].servers[0].placements[2]
        .ports
        .push("127.0.0.1:80:8000".into());
    assert!(server_a_starts(&plan).is_err());
    let found = port_clashes(&plan);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message_en().starts_with(
            "traefik publishes host port 80/tcp, which nginx on this server publishes too"
        ),
        "{}",
        found[0].message_en()
    );
}

/// A swarm's routing mesh publishes each port once, on every node:
/// `docker stack deploy` refuses a second service on a host port, whatever
/// its server and however its address reads. Two public proxies on two
/// servers (each compose file starts) and two ports kept on the IPv4 and
/// IPv6 wildcards (which Docker binds side by side on one host) publish
/// port 80 once in the stack; the others are said and left out, and every
/// other port stays.
#[test]
fn a_swarm_publishes_each_host_port_once() {
    let mut plan = one_server(&["nginx"]);
    plan.options[0].servers[0].placements[0].public = true;
    let mut b = Server::new("b", "B", "aliyun-ecs-c7-large");
    let mut caddy = Placement::new("caddy", "caddy");
    caddy.public = true;
    b = b.with(caddy);
    let mut traefik = Placement::new("traefik", "traefik");
    traefik.ports = vec!["0.0.0.0:8080:80".into(), "8443:443".into()];
    let mut haproxy = Placement::new("haproxy", "haproxy");
    haproxy.ports = vec!["[0::0]:8080:80".into(), "8000-8010:8000-8010".into()];
    b = b.with(traefik).with(haproxy);
    plan.options[0].servers.push(b);
    for server in ["a", "b"] {
        let files = export_all(&plan, "o");
        would_start(
            &file(&files, &format!("docker-compose.{server}.yml")).text,
            &file(&files, &format!(".env.{server}")).text,
        )
        .unwrap_or_else(|e| panic!("{server}: {e}"));
    }

    let stack = file(&export_all(&plan, "o"), "stack.yml").text.clone();
    let services = &yaml(&stack)["services"];
    let ports = |s: &str| -> Vec<String> {
        services[s]["ports"]
            .as_sequence()
            .into_iter()
            .flatten()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ports("nginx"), ["80:80"], "{stack}");
    assert!(
        ports("caddy").iter().all(|p| !p.starts_with("80:")),
        "{stack}"
    );
    assert!(ports("caddy").contains(&"443:443".to_string()), "{stack}");
    assert_eq!(ports("traefik"), ["0.0.0.0:8080:80", "8443:443"], "{stack}");
    assert_eq!(ports("haproxy"), ["8000-8010:8000-8010"], "{stack}");
    for said in [
        "# 80:80 is left out: nginx publishes that host port in this stack already, and a swarm publishes a port once, on every node",
        "# [0::0]:8080:80 is left out: traefik publishes that host port in this stack already",
    ] {
        assert!(stack.contains(said), "{said}\n{stack}");
    }
    // A range reaching a taken port is left out too.
    plan.options[0].servers[1].placements[2].ports = vec!["7990-8443:7990-8443".into()];
    let stack = file(&export_all(&plan, "o"), "stack.yml").text.clone();
    assert!(
        stack.contains("# 7990-8443:7990-8443 is left out: traefik publishes that host port"),
        "{stack}"
    );
}

/// An IPv6 address is one address however it is written: Docker reads
/// `[FD00::1]`, `[fd00::1]` and `[fd00:0::1]` alike and refuses the second
/// port on it, and `[0::0]` is every IPv6 address like `[::]`. The planner
/// says what Docker would refuse, and nothing else; a swarm, publishing on
/// every address, leaves out only the ports bound to one address.
#[test]
fn ipv6_addresses_clash_however_they_are_written() {
    let mut plan = one_server(&["nginx", "caddy", "traefik"]);
    let placements = &mut plan.options[0].servers[0].placements;
    placements[0].ports = vec!["[FD00::1]:80:80".into(), "127.0.0.1:9000:80".into()];
    placements[1].ports = vec!["[fd00::2]:80:80".into(), "[0::0]:8443:443".into()];
    placements[2].ports = vec!["[::]:8080:80".into()];
    assert_eq!(server_a_starts(&plan), Ok(()));
    assert!(port_clashes(&plan).is_empty(), "{:?}", port_clashes(&plan));

    let files = export_all(&plan, "o");
    let stack = &file(&files, "stack.yml").text;
    let caddy = &yaml(stack)["services"]["caddy"]["ports"];
    assert_eq!(caddy, &yaml("['[0::0]:8443:443']"), "{stack}");
    assert!(
        stack.contains("# the compose file published [fd00::2]:80:80 on one address"),
        "{stack}"
    );

    // Written on caddy: Docker refuses the later of the two in the file.
    for (written, said) in [
        (
            "[fd00:0::1]:80:80",
            "caddy publishes host port 80/tcp, which nginx on this server publishes too",
        ),
        (
            "[0:0::0]:8080:80",
            "traefik publishes host port 8080/tcp, which caddy on this server publishes too",
        ),
        // An IPv4-mapped IPv6 address is its IPv4 address to Docker.
        (
            "[::ffff:127.0.0.1]:9000:80",
            "caddy publishes host port 9000/tcp, which nginx on this server publishes too",
        ),
    ] {
        let mut clashing = plan.clone();
        clashing.options[0].servers[0].placements[1]
            .ports
            .push(written.into());
        assert!(server_a_starts(&clashing).is_err(), "{written}");
        let found = port_clashes(&clashing);
        assert_eq!(found.len(), 1, "{written}: {found:?}");
        assert!(
            found[0].message_en().starts_with(said),
            "{written}: {}",
            found[0].message_en()
        );
    }
}

/// Two containers whose compose file published host port 80 each (an
/// import keeps such ports as they were): the finding's fix moves the
/// second's to the first free host port, in the plan, so the planner, the
/// inspector and the file all show it; the file then starts, and nothing
/// else it published changes.
#[test]
fn a_kept_host_port_that_clashes_moves_to_a_free_one() {
    let mut plan = one_server(&["nginx", "caddy"]);
    let placements = &mut plan.options[0].servers[0].placements;
    placements[0].ports = vec!["80:80".into(), "81:8081".into()];
    placements[1].ports = vec!["80:80".into(), "443:443".into()];
    assert!(server_a_starts(&plan).is_err());

    let found = port_clashes(&plan);
    let clash = found.first().expect("the clash is told");
    let fix = clash.fix.clone().expect("a fix");
    // A port sizes nothing: at twice the load the fix is the same.
    let mut doubled = plan.clone();
    doubled.options[0].load = 2000;
    let at_double = port_clashes(&doubled)[0].fix.clone();
    assert_eq!(at_double.map(|f| f.action), Some(fix.action.clone()));
    assert_eq!(fix.label_en, "Publish caddy on host port 82 instead of 80");
    assert_eq!(fix.label_zh, "把 caddy 发布的主机端口 80 改为 82");
    let mut fixed = plan.clone();
    stackfit_core::edit::apply(&mut fixed, &fix.action).unwrap();
    assert_eq!(
        fixed.options[0].servers[0].placements[1].ports,
        ["82:80", "443:443"]
    );
    let files = export_all(&fixed, "o");
    let compose = &file(&files, "docker-compose.a.yml").text;
    assert_eq!(would_start(compose, &file(&files, ".env.a").text), Ok(()));
    assert_eq!(
        yaml(compose)["services"]["caddy"]["ports"],
        yaml("[\"82:80\", \"443:443\"]"),
        "{compose}"
    );
    assert!(port_clashes(&fixed).is_empty());

    // Public too, caddy also gets the catalog's 80 and 443 from the
    // planner, and nginx its 80: moving the kept port alone no longer
    // ends it, nor does no longer publishing alone; the fix does both.
    let mut public = plan.clone();
    for p in &mut public.options[0].servers[0].placements {
        p.public = true;
    }
    let found = port_clashes(&public);
    let caddy = found
        .iter()
        .find(|f| f.placement.as_deref() == Some("caddy"))
        .expect("the clash is told");
    let fix = caddy.fix.clone().expect("a fix");
    assert_eq!(
        fix.label_en,
        "Publish caddy on host port 82 instead of 80, and make it no longer public"
    );
    assert_eq!(
        fix.label_zh,
        "把 caddy 发布的主机端口 80 改为 82，并取消对外公开"
    );
    let mut fixed_public = public.clone();
    stackfit_core::edit::apply(&mut fixed_public, &fix.action).unwrap();
    assert_eq!(server_a_starts(&fixed_public), Ok(()));

    // A port that is not Compose's short syntax is refused, the plan kept.
    let bad = stackfit_core::model::Action::SetPorts {
        option: "o".into(),
        placement: "caddy".into(),
        ports: vec!["eighty".into()],
    };
    assert!(stackfit_core::edit::apply(&mut fixed, &bad).is_err());
    assert_eq!(
        fixed.options[0].servers[0].placements[1].ports,
        ["82:80", "443:443"]
    );
}

/// An image that names its database's password among its own settings
/// (Langfuse's `CLICKHOUSE_PASSWORD`, "must equal ClickHouse's password")
/// gets the database's, written once: Compose refuses a key twice, and a
/// password of its own would not log in. The secret it no longer uses is
/// not left in .env.
#[test]
fn a_dependency_password_the_image_names_is_written_once() {
    let server = Server::new("s", "S", "aliyun-ecs-c7-large")
        .with(Placement::new("clickhouse", "clickhouse"))
        .with(Placement::new("langfuse-worker", "langfuse-worker").depends_on(&["clickhouse"]));
    let plan = one_option("langfuse", vec![server]);
    let files = export_all(&plan, "o");
    let compose = &file(&files, "docker-compose.s.yml").text;
    let worker = compose
        .split("\n  langfuse-worker:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n  clickhouse:\n").next())
        .unwrap();
    assert_eq!(
        worker.matches("CLICKHOUSE_PASSWORD:").count(),
        1,
        "{worker}"
    );
    let doc = yaml(compose);
    let theirs = doc["services"]["clickhouse"]["environment"]["CLICKHOUSE_PASSWORD"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        doc["services"]["langfuse-worker"]["environment"]["CLICKHOUSE_PASSWORD"].as_str(),
        Some(theirs.as_str())
    );
    let env = env_lines(&file(&files, ".env.s").text);
    assert!(
        !env.keys().any(|k| k.starts_with("LANGFUSE_WORKER_")),
        "{env:?}"
    );
}

/// A line of the plan's own environment whose name ends in `_HOST` is the
/// user's value in the Kubernetes ConfigMap too (it was an empty Service
/// name); only a dependency's address becomes its Service there.
#[test]
fn an_own_host_line_keeps_its_value_in_kubernetes() {
    let mut plan = two_servers();
    plan.options[0].servers[1].placements[0]
        .env
        .insert("SMTP_HOST".into(), "mail.example.com".into());
    let files = export_all(&plan, "o");
    let mut data = None;
    for doc in file(&files, "kubernetes.yml").text.split("\n---\n") {
        let d = yaml(doc);
        if d["kind"].as_str() == Some("ConfigMap") && d["data"]["SMTP_HOST"].is_string() {
            data = Some(d["data"].clone());
        }
    }
    let data = data.expect("the api's ConfigMap");
    assert_eq!(data["SMTP_HOST"].as_str(), Some("mail.example.com"));
    // The database on the other server is its Service in the cluster, not
    // the private address the compose files use.
    assert_eq!(data["POSTGRES_HOST"].as_str(), Some("postgres"), "{data:?}");
}
