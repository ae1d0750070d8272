//! Docker Compose files, one per server of an option: each placement with its
//! memory limit from the report, the in-container settings tuned to that
//! limit, and the private address of any other server it depends on; plus
//! the matching `.env` with those addresses.
//!
//! Choices, so the files read the same way everywhere:
//! - one compose service per placement, named by the placement id; replicas
//!   are `deploy.replicas` (honoured by `docker compose up`), and `mem_limit`
//!   is per container, as the report's per-replica limit;
//! - `restart: unless-stopped` on every service, so a reboot brings the
//!   server back as planned;
//! - no `cpus:` — the report has expected CPU, not a cap, and a cap set to
//!   the expected use would throttle every burst; the expected figure is in
//!   the service's comment;
//! - process counts (`--concurrency`, workers) are the plan's knob when the
//!   plan sets one, because the report's memory and connection budget were
//!   computed with it; memory settings (maxmemory, heaps, `shared_buffers`)
//!   are the tuned ones, derived from the limit written next to them;
//! - a dependency on the same server is compose's `depends_on:` plus
//!   `<DEP>_HOST: <service>`; one on another server is `<DEP>_HOST:` that
//!   server's private address, and the server it lives on publishes the
//!   default port on its private address only, never on every interface.

use super::{comment_text, env_name, mem_size, yaml_key, yaml_scalar};
use crate::catalog;
use crate::fit::{OptionReport, PlacementReport, Report, ServerReport, Severity};
use crate::model::{Category, MemoryModel, Placement, Plan, PlanOption, Server, ServiceDef};
use crate::tune::{self, Tuning};

/// The variable that holds a server's private address when the plan gives
/// none: `SERVER_A_PRIVATE_ADDRESS` for server "a".
///
/// ```
/// assert_eq!(stackfit_core::export::address_variable("worker-1"), "SERVER_WORKER_1_PRIVATE_ADDRESS");
/// ```
pub fn address_variable(server_id: &str) -> String {
    format!("SERVER_{}_PRIVATE_ADDRESS", env_name(server_id))
}

/// The docker-compose YAML for server `server` of option `option`: one
/// service per placement with its image, tuned command or environment,
/// `mem_limit`, `shm_size`, same-server `depends_on`, and `<DEP>_HOST`
/// variables for every dependency (the service name on this server, the
/// other server's private address across servers).
///
/// `None` when the option or server is not in the plan, or the report is not
/// this plan's (a placement without its numbers).
///
/// ```
/// use stackfit_core::{evaluate, export, templates};
/// let plan = templates::get("s4").unwrap();
/// let report = evaluate(&plan);
/// let b = export::compose(&plan, &report, "as-planned", "b").unwrap();
/// // B's workers reach A's PostgreSQL over the private network…
/// assert!(b.contains("POSTGRES_HOST: \"${SERVER_A_PRIVATE_ADDRESS:?set it in .env}\""));
/// // …with the report's limit for each container.
/// assert!(b.contains("mem_limit: 2432m"));
/// assert!(export::compose(&plan, &report, "as-planned", "z").is_none());
/// ```
pub fn compose(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    let t = Target::new(plan, report, option, server)?;
    let mut out = String::new();
    header(&mut out, &t, "docker-compose.yml", true);
    let sr = t.server_report;
    if !sr.findings.is_empty() {
        let ids: Vec<&str> = sr
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.id())
            .collect();
        if !ids.is_empty() {
            out.push_str(&format!(
                "# findings: {} (`stackfit evaluate` gives each with its fix)\n",
                ids.join(", ")
            ));
        }
    }
    out.push_str(
        "# mem_limit is per container. cpus is left out: the CPU in each comment is typical\n\
         # use, and a cap at that figure would throttle every burst.\n\
         # Images carry no version tag: pin the versions you run.\n",
    );
    if t.server.placements.is_empty() {
        out.push_str("services: {}\n");
        return Some(out);
    }
    out.push_str("services:\n");
    for (p, pr) in &t.placements {
        service(&mut out, &t, p, pr);
    }
    Some(out)
}

/// The `.env` for the compose file of server `server`: one `NAME=value` line
/// per variable the compose file reads (the private addresses of this and
/// other servers), with the value when the plan knows it and empty, with a
/// comment saying what to set, when it does not.
///
/// ```
/// use stackfit_core::{evaluate, export, templates};
/// let plan = templates::get("s4").unwrap();
/// let env = export::env_file(&plan, &evaluate(&plan), "as-planned", "b").unwrap();
/// assert!(env.lines().any(|l| l == "SERVER_A_PRIVATE_ADDRESS="));
/// ```
pub fn env_file(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    let t = Target::new(plan, report, option, server)?;
    let mut out = String::new();
    header(&mut out, &t, ".env", false);
    out.push_str("# docker compose reads this file from the directory of docker-compose.yml.\n");
    let mut any = false;
    for (si, s) in t.option.servers.iter().enumerate() {
        let is_self = si == t.server_index;
        let names: Vec<&str> = if is_self {
            t.reached_from_elsewhere()
                .into_iter()
                .map(|p| p.id.as_str())
                .collect()
        } else {
            t.outgoing_to(si)
        };
        if names.is_empty() {
            continue;
        }
        any = true;
        let who = format!(
            "server {}'s private IP (\"{}\")",
            env_name(&s.id),
            comment_text(&s.label)
        );
        let what = if is_self {
            format!(
                "{} published on it for the other servers",
                comment_text(&names.join(", "))
            )
        } else {
            format!("{} run there", comment_text(&names.join(", ")))
        };
        match known_address(s) {
            Some(a) => out.push_str(&format!(
                "# {who}, from the plan (docker-compose.yml has it as is): {what}\n{}={a}\n",
                address_variable(&s.id)
            )),
            None => out.push_str(&format!(
                "# set to {who}: {what}\n{}=\n",
                address_variable(&s.id)
            )),
        }
    }
    if !any {
        out.push_str(
            "# no variables: nothing here reaches another server, and no other server reaches this one.\n",
        );
    }
    Some(out)
}

/// The plan, option and server an export is for, with their reports.
struct Target<'a> {
    plan: &'a Plan,
    option: &'a PlanOption,
    option_report: &'a OptionReport,
    server_index: usize,
    server: &'a Server,
    server_report: &'a ServerReport,
    placements: Vec<(&'a Placement, &'a PlacementReport)>,
}

impl<'a> Target<'a> {
    fn new(plan: &'a Plan, report: &'a Report, option: &str, server: &str) -> Option<Self> {
        let o = plan.option(option)?;
        let server_index = o.servers.iter().position(|s| s.id == server)?;
        let s = &o.servers[server_index];
        let option_report = report.option(option)?;
        let server_report = option_report.server(server)?;
        let placements = s
            .placements
            .iter()
            .map(|p| server_report.placement(&p.id).map(|pr| (p, pr)))
            .collect::<Option<Vec<_>>>()?;
        Some(Target {
            plan,
            option: o,
            option_report,
            server_index,
            server: s,
            server_report,
            placements,
        })
    }

    /// Where a dependency id lives: its server index and placement.
    fn find(&self, id: &str) -> Option<(usize, &'a Placement)> {
        self.option.find_placement(id)
    }

    /// Ids on server `si` that placements on this server depend on.
    fn outgoing_to(&self, si: usize) -> Vec<&'a str> {
        let mut ids: Vec<&'a str> = Vec::new();
        for p in &self.server.placements {
            for d in &p.depends_on {
                if let Some((dsi, dp)) = self.find(d) {
                    if dsi == si && !ids.contains(&dp.id.as_str()) {
                        ids.push(dp.id.as_str());
                    }
                }
            }
        }
        ids
    }

    /// Placements here that a placement on another server depends on.
    fn reached_from_elsewhere(&self) -> Vec<&'a Placement> {
        self.server
            .placements
            .iter()
            .filter(|p| !self.dependents_elsewhere(p).is_empty())
            .collect()
    }

    /// (server, placement) pairs on other servers that depend on `p`.
    fn dependents_elsewhere(&self, p: &Placement) -> Vec<(&'a Server, &'a Placement)> {
        self.option
            .servers
            .iter()
            .enumerate()
            .filter(|(si, _)| *si != self.server_index)
            .flat_map(|(_, s)| {
                s.placements
                    .iter()
                    .filter(|q| q.depends_on.contains(&p.id))
                    .map(move |q| (s, q))
            })
            .collect()
    }
}

fn header(out: &mut String, t: &Target, file: &str, numbers: bool) {
    let sr = t.server_report;
    out.push_str(&format!(
        "# {file} for server {} \"{}\", option {} \"{}\"\n",
        comment_text(&t.server.id),
        comment_text(&t.server.label),
        comment_text(&t.option.id),
        comment_text(&t.option.name)
    ));
    out.push_str(&format!("# plan: {}\n", comment_text(&t.plan.name)));
    if !numbers {
        out.push_str("# generated by StackFit from the plan: change the plan and export again.\n");
        return;
    }
    out.push_str(&format!(
        "# tier: {}, {} vCPU, {} MiB ({} MiB usable)\n",
        comment_text(&sr.tier),
        sr.vcpu,
        sr.capacity_mib,
        sr.usable_mib
    ));
    out.push_str(&format!(
        "# verdict: {} (option: {}); typical {} MiB, peak {} MiB, limits {} MiB of {} MiB allocatable, headroom {} MiB\n",
        sr.verdict.name_en(),
        t.option_report.verdict.name_en(),
        sr.expected_mib,
        sr.peak_mib,
        sr.limit_mib,
        sr.allocatable_mib,
        sr.headroom_mib
    ));
    out.push_str("# generated by StackFit from the plan and its fit report: change the plan and export again.\n");
}

/// A server's private address as the plan gives it, if it is a plausible
/// host name or IP (anything else is treated as unknown, never written).
fn known_address(s: &Server) -> Option<&str> {
    s.private_address.as_deref().map(str::trim).filter(|a| {
        !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".:-_[]%".contains(c))
    })
}

/// The address as compose should read it: the literal, or the variable with
/// compose's "required" form, so `docker compose up` stops with a message
/// instead of connecting to (or publishing on) an empty address.
fn address(s: &Server) -> String {
    match known_address(s) {
        Some(a) => a.to_string(),
        None => format!("${{{}:?set it in .env}}", address_variable(&s.id)),
    }
}

/// The port a service listens on by default (the image's documented port),
/// for publishing it to other servers. Services that run your own code have
/// none: their port is yours.
fn default_port(service: &str) -> Option<u16> {
    Some(match service {
        "postgres" => 5432,
        "mysql" => 3306,
        "mongodb" => 27017,
        "redis" | "valkey" => 6379,
        "memcached" => 11211,
        "rabbitmq" => 5672,
        "kafka" => 9092,
        "zookeeper" => 2181,
        "elasticsearch" => 9200,
        "logstash" => 5044,
        "kibana" => 5601,
        "neo4j" => 7687,
        "weaviate" => 8080,
        "prometheus" => 9090,
        "grafana" => 3000,
        "alertmanager" => 9093,
        "flower" => 5555,
        "minio" => 9000,
        _ => return None,
    })
}

/// True when the catalog's images are bases for the user's own code (or
/// there are none): the compose file then names a placeholder image.
fn runs_your_code(def: Option<&ServiceDef>) -> bool {
    def.is_none_or(|d| {
        d.images.is_empty()
            || matches!(
                d.category,
                Category::Runtime | Category::Browser | Category::Custom
            )
            || d.model == MemoryModel::PythonWeb
    })
}

/// The command, environment and notes a placement's tuning turns into.
#[derive(Default)]
struct Run {
    command: Vec<String>,
    command_note: Option<&'static str>,
    env: Vec<(String, String)>,
    notes: Vec<String>,
}

/// Process counts the plan's knob decides when it sets one (see the module doc).
const PROCESS_KNOBS: &[&str] = &["concurrency", "workers"];

fn run_of(t: &Target, p: &Placement, def: Option<&ServiceDef>, tuning: Option<&Tuning>) -> Run {
    let mut run = Run::default();
    let (Some(def), Some(tuning)) = (def, tuning) else {
        return run;
    };
    let knob = |id: &str| p.knobs.get(id).copied().filter(|v| *v > 0);
    let value = |name: &str| {
        tuning
            .settings
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.value.clone())
    };
    let count = |name: &str, knob_id: &str| knob(knob_id).map(|v| v.to_string()).or(value(name));
    let celery = |pool: &str| -> Vec<String> {
        [
            "celery",
            "--app=your_app",
            "worker",
            &format!("--pool={pool}"),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    match def.model {
        MemoryModel::Postgres => {
            run.command.push("postgres".into());
            for s in &tuning.settings {
                run.command.push("-c".into());
                run.command.push(format!("{}={}", s.name, s.value));
            }
        }
        MemoryModel::Redis => {
            let bin = if def.id == "valkey" {
                "valkey-server"
            } else {
                "redis-server"
            };
            run.command.push(bin.into());
            if let Some(m) = value("--maxmemory") {
                run.command.extend(["--maxmemory".into(), m]);
            }
            let broker = t
                .option
                .servers
                .iter()
                .flat_map(|s| &s.placements)
                .any(|q| {
                    (q.service.starts_with("celery-") || q.service == "flower")
                        && q.depends_on.contains(&p.id)
                });
            let (policy, why) = if broker {
                (
                    "noeviction",
                    "a Celery broker must never evict queued tasks",
                )
            } else {
                (
                    "allkeys-lru",
                    "used as a cache (noeviction if it holds data you cannot lose)",
                )
            };
            run.command
                .extend(["--maxmemory-policy".into(), policy.into()]);
            run.notes.push(format!("maxmemory-policy {policy}: {why}"));
            // The persistence knob: 0 off, 1 RDB (the image's default), 2 AOF, 3 both.
            let persistence = p
                .knobs
                .get("persistence")
                .copied()
                .unwrap_or(def.knob_default("persistence"));
            match persistence {
                0 => run.command.extend([
                    "--save".into(),
                    String::new(),
                    "--appendonly".into(),
                    "no".into(),
                ]),
                2 => run.command.extend([
                    "--save".into(),
                    String::new(),
                    "--appendonly".into(),
                    "yes".into(),
                ]),
                3 => run.command.extend(["--appendonly".into(), "yes".into()]),
                _ => {}
            }
        }
        MemoryModel::CeleryPrefork => {
            run.command = celery("prefork");
            if let Some(c) = count("--concurrency", "concurrency") {
                run.command.push(format!("--concurrency={c}"));
            }
            if let Some(m) = value("--max-memory-per-child") {
                run.command.push(format!("--max-memory-per-child={m}"));
            }
            run.command_note = Some("set --app to your Celery app");
        }
        MemoryModel::CeleryGevent => {
            run.command = celery("gevent");
            if let Some(c) = count("--concurrency", "concurrency") {
                run.command.push(format!("--concurrency={c}"));
            }
            run.command_note = Some("set --app to your Celery app");
        }
        MemoryModel::PythonWeb => {
            if let Some(w) = count("--workers", "workers") {
                run.env.push(("WEB_CONCURRENCY".into(), w));
                run.notes.push(
                    "WEB_CONCURRENCY: the worker count gunicorn and uvicorn read (else pass --workers)"
                        .into(),
                );
            }
        }
        MemoryModel::Neo4j => {
            // The image maps NEO4J_a_b__c to the setting a.b_c.
            for s in &tuning.settings {
                let name = format!("NEO4J_{}", s.name.replace('_', "__").replace('.', "_"));
                run.env.push((name, s.value.clone()));
            }
        }
        _ => {
            for s in &tuning.settings {
                if !s.name.starts_with('-') {
                    run.env.push((s.name.to_string(), s.value.clone()));
                }
            }
        }
    }
    if def.id == "celery-beat" {
        run.command = ["celery", "--app=your_app", "beat"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        run.command_note = Some("set --app to your Celery app");
    }
    for (k, tuned) in &tuning.knobs {
        if PROCESS_KNOBS.contains(k) {
            continue;
        }
        if let Some(planned) = p.knobs.get(*k).filter(|v| *v != tuned) {
            run.notes.push(format!(
                "the plan sets {k} {planned}; written as tuned for the {} limit: {tuned}",
                mem_size(tuning.limit_mib)
            ));
        }
    }
    run
}

fn cores(millicores: u64) -> String {
    let whole = millicores / 1000;
    let frac = millicores % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{:03}", frac)
            .trim_end_matches('0')
            .to_string()
    }
}

fn service(out: &mut String, t: &Target, p: &Placement, pr: &PlacementReport) {
    let def = catalog::service(&p.service);
    let tuning = tune::tune(t.plan, &t.option.id, &p.id);
    let n = u64::from(pr.replicas.max(1));
    let limit = pr.limit_mib / n;
    let run = run_of(t, p, def, tuning.as_ref());

    out.push_str(&format!("  {}:\n", yaml_key(&p.id)));
    let name = def.map_or(p.service.as_str(), |d| d.name_en);
    let basis = match pr.basis {
        crate::fit::MemoryBasis::Measured => "measured",
        crate::fit::MemoryBasis::Model => "modelled",
    };
    out.push_str(&format!(
        "    # {}: {} MiB typical, {} MiB peak ({basis}), CPU {} vCPU{}\n",
        comment_text(name),
        pr.expected_mib / n,
        pr.peak_mib / n,
        cores(pr.cpu_millicores / n),
        if n > 1 { ", per replica" } else { "" }
    ));
    if !p.note.is_empty() {
        out.push_str(&format!("    # {}\n", comment_text(&p.note)));
    }
    for note in &run.notes {
        out.push_str(&format!("    # {}\n", comment_text(note)));
    }

    if runs_your_code(def) {
        let base = def
            .and_then(|d| d.images.first())
            .map(|i| format!(" (e.g. built on {i})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "    image: your-image  # set this: your app's image{base}\n"
        ));
    } else if let Some(image) = def.and_then(|d| d.images.first()) {
        out.push_str(&format!("    image: {}\n", yaml_scalar(image)));
    }
    out.push_str("    restart: unless-stopped\n");

    if !run.command.is_empty() {
        match run.command_note {
            Some(note) => out.push_str(&format!("    command:  # {note}\n")),
            None => out.push_str("    command:\n"),
        }
        for c in &run.command {
            out.push_str(&format!("      - {}\n", yaml_scalar(c)));
        }
    }

    // Dependencies: the service name here, the other server's address there.
    let mut env: Vec<(String, String)> = Vec::new();
    let mut local: Vec<&str> = Vec::new();
    let mut remote: Vec<(usize, &str)> = Vec::new();
    let mut missing: Vec<&str> = Vec::new();
    for d in &p.depends_on {
        match t.find(d) {
            Some((si, dp)) if si == t.server_index => {
                local.push(&dp.id);
                env.push((format!("{}_HOST", env_name(&dp.id)), dp.id.clone()));
            }
            Some((si, dp)) => {
                remote.push((si, &dp.id));
                env.push((
                    format!("{}_HOST", env_name(&dp.id)),
                    address(&t.option.servers[si]),
                ));
            }
            None => missing.push(d),
        }
    }
    env.extend(run.env.iter().cloned());
    if !env.is_empty() || !missing.is_empty() {
        out.push_str("    environment:\n");
        let mut servers: Vec<usize> = remote.iter().map(|(si, _)| *si).collect();
        servers.dedup();
        for si in servers {
            let s = &t.option.servers[si];
            let ids: Vec<&str> = remote
                .iter()
                .filter(|(x, _)| *x == si)
                .map(|(_, id)| *id)
                .collect();
            out.push_str(&format!(
                "      # {} on server {} ({}): reached over the private network\n",
                comment_text(&ids.join(", ")),
                env_name(&s.id),
                comment_text(&s.label)
            ));
        }
        for d in &missing {
            out.push_str(&format!(
                "      # depends on {}, which is not in this option\n",
                comment_text(d)
            ));
        }
        for (k, v) in &env {
            out.push_str(&format!("      {}: {}\n", yaml_key(k), yaml_scalar(v)));
        }
    }
    if !local.is_empty() {
        out.push_str("    depends_on:\n");
        for d in &local {
            out.push_str(&format!("      - {}\n", yaml_scalar(d)));
        }
    }

    // Published on this server's private address for dependents elsewhere.
    let dependents = t.dependents_elsewhere(p);
    if !dependents.is_empty() {
        let mut who: Vec<String> = Vec::new();
        for (s, _) in &dependents {
            let name = format!("server {}", env_name(&s.id));
            if !who.contains(&name) {
                who.push(name);
            }
        }
        let users: Vec<&str> = dependents.iter().map(|(_, q)| q.id.as_str()).collect();
        out.push_str(&format!(
            "    # reached from {} by {}\n",
            who.join(", "),
            comment_text(&users.join(", "))
        ));
        match default_port(&p.service) {
            Some(port) => {
                out.push_str(
                    "    ports:  # on the private address only; let the firewall admit the private network\n",
                );
                out.push_str(&format!(
                    "      - {}\n",
                    yaml_scalar(&format!("{}:{port}:{port}", address(t.server)))
                ));
            }
            None => out.push_str("    # publish its port on this server's private address\n"),
        }
    }

    if n > 1 {
        out.push_str(&format!("    deploy:\n      replicas: {n}\n"));
    }
    let default_note = if pr.limit_is_default {
        "  # StackFit's default limit: the plan sets none"
    } else {
        ""
    };
    out.push_str(&format!(
        "    mem_limit: {}{default_note}\n",
        mem_size(limit)
    ));
    if let Some(shm) = p.shm_mib {
        out.push_str(&format!("    shm_size: {}\n", mem_size(shm)));
    }
}
