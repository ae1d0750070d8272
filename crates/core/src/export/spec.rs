//! What each server of an option runs, decided once and written by every
//! exporter (compose, `.env`, Swarm, Kubernetes, DEPLOY.md): each
//! container's image, command, environment, ports, volumes, healthcheck,
//! dependencies and resources, and every variable its `.env` must set. Every
//! number comes from the report; nothing here sizes anything.

use std::collections::{BTreeMap, HashMap};

use crate::catalog;
use crate::edit::validate::is_generated_secret;
use crate::fit::ports::{
    self, address_variable, env_name, known_address, port_of, private_bind, On, PortSpec,
};
use crate::kinds::{self, Cx, HostView};
use crate::model::units::Mib;
use crate::model::{EnvSpec, EnvValue, Placement, Plan, PlanOption, Server, ServiceDef};
use crate::report::{OptionReport, PlacementReport, PortClash, Report, ServerReport};

/// Makes the secrets an export writes (database passwords): generated on
/// the user's machine by the caller's random source, once per option, and
/// never stored in a plan or a link.
pub struct Secrets<'a> {
    generate: Box<dyn FnMut() -> String + 'a>,
    values: BTreeMap<String, String>,
}

impl<'a> Secrets<'a> {
    /// Secrets from `generate` (the browser's crypto random, the OS's in the CLI).
    pub fn new(generate: impl FnMut() -> String + 'a) -> Self {
        Secrets {
            generate: Box::new(generate),
            values: BTreeMap::new(),
        }
    }

    /// Stand-in secrets for tests and previews: `change-me-1`, `change-me-2`, …
    pub fn placeholders() -> Secrets<'static> {
        let mut n = 0;
        Secrets::new(move || {
            n += 1;
            format!("change-me-{n}")
        })
    }

    /// The value of secret `name`, generated the first time it is asked for.
    pub fn value(&mut self, name: &str) -> String {
        if let Some(v) = self.values.get(name) {
            return v.clone();
        }
        let v = (self.generate)();
        self.values.insert(name.to_string(), v.clone());
        v
    }
}

/// A random secret of 32 letters and digits from `bytes` (each byte picks a
/// character; 62 does not divide 256, so bytes ≥ 248 are skipped).
///
/// ```
/// let s = stackfit_core::export::secret_from_bytes(&[0u8; 64]);
/// assert_eq!(s, "a".repeat(32));
/// ```
pub fn secret_from_bytes(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    bytes
        .iter()
        .filter(|b| **b < 248)
        .take(32)
        .map(|b| ALPHABET[(*b as usize) % 62] as char)
        .collect()
}

/// An environment value in a container: written as is, or read from `.env`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Literal(String),
    /// `${NAME}` from the server's `.env`.
    Var(String),
}

/// One line of a server's `.env`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvLine {
    pub name: String,
    pub value: String,
    /// What it does, its default and why this value (one line each).
    pub comment: Vec<String>,
    /// Empty and must be set before `docker compose up` (Compose refuses to start).
    pub required: bool,
    pub secret: bool,
}

/// A port published on the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The address bound: `None` for every interface, else a literal or `${VAR}`.
    pub bind: Option<String>,
    pub host: String,
    pub container: String,
    pub why: &'static str,
}

/// One container (a placement) as every exporter writes it.
pub struct Container<'a> {
    pub placement: &'a Placement,
    pub report: &'a PlacementReport,
    pub def: Option<&'static ServiceDef>,
    /// `postgres:16`, or `${WEB_IMAGE:?…}` for your own image.
    pub image: String,
    /// The catalog has no image for it: the user's own.
    pub your_image: bool,
    pub command: Vec<String>,
    pub command_note: Option<(&'static str, &'static str)>,
    /// `command` is the placement's own (`Placement::command`) with the
    /// plan's flags, not one StackFit wrote.
    pub own_command: bool,
    /// The names of the placement's own environment lines written
    /// (`Placement::env`, less the ones the export sets itself).
    pub own_env: Vec<String>,
    pub environment: Vec<(String, Value)>,
    /// The environment names that hold a dependency's address
    /// (`{PREFIX}_HOST`, and a database host the image reads under its own
    /// name), each with the dependency's id: Kubernetes and Swarm write
    /// the dependency's service name there instead.
    pub dependency_hosts: BTreeMap<String, String>,
    pub ports: Vec<Published>,
    /// (volume name, path in the container)
    pub volumes: Vec<(String, &'static str)>,
    pub healthcheck: &'static [&'static str],
    /// The open-file limit (soft = hard) its catalog entry's figures assume
    /// (`Deploy::nofile`); compose and Swarm write it as `ulimits: nofile`.
    pub nofile: Option<u32>,
    /// Same-server dependencies: (service, it has a healthcheck).
    pub depends_on: Vec<(String, bool)>,
    /// Dependencies across servers, by server: (server id, their ids).
    pub remote: Vec<(String, Vec<String>)>,
    /// The port it listens on, if known.
    pub port: Option<u16>,
    /// Notes written beside it (why a value is as it is).
    pub notes: Vec<String>,
}

impl Container<'_> {
    /// What the compose and Swarm files mount, in order: the catalog's
    /// named volumes whose path no mount of the plan takes, then the
    /// plan's mounts (what the imported compose file mounted) as written.
    pub fn mounts(&self) -> Vec<String> {
        let taken = |path: &str| {
            self.placement
                .mounts
                .iter()
                .any(|m| mount_target(m) == path)
        };
        self.volumes
            .iter()
            .filter(|(_, path)| !taken(path))
            .map(|(v, path)| format!("{v}:{path}"))
            .chain(self.placement.mounts.iter().cloned())
            .collect()
    }
}

/// The path in the container a mount (Compose's short syntax) puts its
/// source at.
pub fn mount_target(mount: &str) -> &str {
    let mut parts = mount.split(':');
    let first = parts.next().unwrap_or("");
    parts.next().unwrap_or(first)
}

/// A mount's source when it is a named volume, not a host path: the file
/// declares it at its top level.
pub fn mount_volume(mount: &str) -> Option<&str> {
    let (source, _) = mount.split_once(':')?;
    (!source.is_empty() && !crate::edit::validate::is_host_path(source)).then_some(source)
}

/// Whether a published port (Compose's short syntax) is bound to one host
/// address, not every address.
pub fn port_has_address(spec: &str) -> bool {
    PortSpec::of(spec).has_address()
}

/// The named volumes `containers` mount, each once, in order of first use.
pub fn named_volumes<'c>(containers: impl IntoIterator<Item = &'c Container<'c>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in containers {
        for m in c.mounts() {
            if let Some(v) = mount_volume(&m) {
                if !out.iter().any(|o| o == v) {
                    out.push(v.to_string());
                }
            }
        }
    }
    out
}

/// One server of the option, as its files write it.
pub struct ServerExport<'a> {
    pub index: usize,
    pub server: &'a Server,
    pub report: &'a ServerReport,
    pub containers: Vec<Container<'a>>,
    /// Its `.env`, in order of name (looked up with [`ServerExport::env_line`]).
    pub env: Vec<EnvLine>,
    /// Host ports two of its containers publish (the evaluation's
    /// `ServerReport::port_clashes`): each is
    /// noted beside the second container and in DEPLOY.md.
    pub clashes: Vec<PortClash>,
}

impl ServerExport<'_> {
    /// The `.env` line named `name`, if the server's `.env` has one.
    pub fn env_line(&self, name: &str) -> Option<&EnvLine> {
        self.env
            .binary_search_by(|l| l.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.env[i])
    }
}

/// An option of a plan, ready to write.
pub struct OptionExport<'a> {
    pub plan: &'a Plan,
    pub option: &'a PlanOption,
    pub report: &'a OptionReport,
    pub servers: Vec<ServerExport<'a>>,
}

/// The placement's own command (kept from an import) with the flags its
/// kind owns written from the plan; `None` when it has none, or one that
/// cannot carry them (`kinds::command::with_plan`).
fn own_command(p: &Placement, def: Option<&ServiceDef>, run: &kinds::Run) -> Option<Vec<String>> {
    if p.command.is_empty() {
        return None;
    }
    let flags = def.map_or(&[][..], |d| kinds::flags(d.kind));
    kinds::command::with_plan(&p.command, flags, &run.command)
}

/// True when the catalog has no image for the service (it runs your code).
pub(super) fn runs_your_code(p: &Placement, def: Option<&ServiceDef>) -> bool {
    p.image.is_none() && def.is_none_or(|d| d.deploy.image.is_empty())
}

/// Names the `.env` variable of every secret of the option: the image's own
/// name (`POSTGRES_PASSWORD`) when only one placement has it, else prefixed
/// by the placement (`DB2_POSTGRES_PASSWORD`).
fn secret_names(option: &PlanOption) -> HashMap<(String, &'static str), String> {
    let mut count: HashMap<&'static str, usize> = HashMap::new();
    let mut all = Vec::new();
    for p in option.servers.iter().flat_map(|s| &s.placements) {
        if let Some(def) = catalog::service(&p.service) {
            for e in def.deploy.env {
                if e.value.is_generated() {
                    *count.entry(e.name).or_default() += 1;
                    all.push((p.id.clone(), e.name));
                }
            }
        }
    }
    all.into_iter()
        .map(|(pid, name)| {
            let var = if count[name] == 1 {
                name.to_string()
            } else {
                format!("{}_{name}", env_name(&pid))
            };
            ((pid, name), var)
        })
        .collect()
}

/// The generated password an image takes (`POSTGRES_PASSWORD`), which its
/// dependents are given too.
fn password_secret(def: &ServiceDef) -> Option<&'static EnvSpec> {
    def.deploy
        .env
        .iter()
        .find(|e| e.value == EnvValue::Secret && e.name.contains("PASSWORD"))
}

/// For an [`EnvValue::DependencySecret`] of `p`: the first of its
/// dependencies in `option` whose image takes a generated password, and
/// that password's variable.
fn dependency_password(
    p: &Placement,
    by_id: &HashMap<&str, (usize, &Placement)>,
    secret_vars: &HashMap<(String, &'static str), String>,
) -> Option<(String, String)> {
    p.depends_on.iter().find_map(|dep| {
        let (_, dp) = *by_id.get(dep.as_str())?;
        let e = password_secret(catalog::service(&dp.service)?)?;
        secret_vars.get(&(dep.clone(), e.name))?;
        Some((dep.clone(), secret_var(dp, e.name, secret_vars)))
    })
}

/// The `.env` variable of generated secret `name` of placement `p`: the one
/// the plan names (`Placement::secrets`: an imported stack's own variable,
/// which other placements may read too), else its generated name.
fn secret_var(
    p: &Placement,
    name: &'static str,
    secret_vars: &HashMap<(String, &'static str), String>,
) -> String {
    p.secrets
        .get(name)
        .cloned()
        .unwrap_or_else(|| secret_vars[&(p.id.clone(), name)].clone())
}

/// The environment variable prefix for a dependency: its id in capitals,
/// made unique among a placement's dependencies (`cache-a` and `cache_a`
/// would both be `CACHE_A`).
fn dependency_prefixes(deps: &[String]) -> Vec<(String, String)> {
    let names: Vec<String> = deps.iter().map(|d| env_name(d)).collect();
    (unique_names(&names, "_").into_iter().zip(deps))
        .map(|(prefix, d)| (d.clone(), prefix))
        .collect()
}

/// `names` made unique, in order: the first of each keeps its name, the
/// rest are numbered (`{name}{sep}2`, …) past every name in use or still
/// to come, so `a-b`, `a_b` and `a-b-2` get `A_B`, `A_B_3` and `A_B_2`.
/// `fit` makes a numbered name fit where names are capped (Kubernetes).
pub(super) fn unique_names_with(
    names: &[String],
    sep: &str,
    fit: impl Fn(&str, &str) -> String,
) -> Vec<String> {
    let all: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: HashMap<&str, usize> = HashMap::new();
    names
        .iter()
        .map(|name| {
            if used.insert(name.clone()) {
                return name.clone();
            }
            let n = next.entry(name.as_str()).or_insert(1);
            loop {
                *n += 1;
                let candidate = fit(name, &format!("{sep}{n}"));
                if !all.contains(candidate.as_str()) && used.insert(candidate.clone()) {
                    return candidate;
                }
            }
        })
        .collect()
}

/// [`unique_names_with`], uncapped.
fn unique_names(names: &[String], sep: &str) -> Vec<String> {
    unique_names_with(names, sep, |name, suffix| format!("{name}{suffix}"))
}

/// Sets environment entry `name` to `value`: in place when the image's own
/// settings already hold it (PgBouncer's `DB_HOST` for a dependency named
/// `db`; Compose refuses a key twice), else added. Returns the value it
/// replaced.
fn set(environment: &mut Vec<(String, Value)>, name: String, value: Value) -> Option<Value> {
    match environment.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => Some(std::mem::replace(&mut slot.1, value)),
        None => {
            environment.push((name, value));
            None
        }
    }
}

/// Builds what every server of `option` runs. `None` when the option is not
/// in the plan or the report is not this plan's.
pub fn build<'a>(
    plan: &'a Plan,
    report: &'a Report,
    option: &str,
    secrets: &mut Secrets,
) -> Option<OptionExport<'a>> {
    let o = plan.option(option)?;
    let or = report.option(option)?;
    let secret_vars = secret_names(o);
    // Every placement by id, with its server's index: each dependency is
    // looked up once, whatever the option's size.
    let by_id: HashMap<&str, (usize, &Placement)> = o
        .servers
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.placements.iter().map(move |p| (p.id.as_str(), (si, p))))
        .collect();
    // Which placements other servers reach, and each server's private
    // address as the files write it: what `fit::ports` checked.
    let reached = ports::Reached::of(o);
    let mut servers = Vec::with_capacity(o.servers.len());
    for (si, s) in o.servers.iter().enumerate() {
        let sr = or.server(&s.id)?;
        let bind = private_bind(s);
        let mut env: BTreeMap<String, EnvLine> = BTreeMap::new();
        let mut containers = Vec::with_capacity(s.placements.len());
        // Placement env names used by more than one placement here get a prefix.
        let mut env_count: HashMap<&str, usize> = HashMap::new();
        for p in &s.placements {
            for k in p.env.keys() {
                *env_count.entry(k.as_str()).or_default() += 1;
            }
        }
        for p in &s.placements {
            let pr = sr.placement(&p.id)?;
            let def = catalog::service(&p.service);
            let host = HostView {
                usable_mib: sr.usable_mib,
                vcpu: sr.vcpu,
                disk: s.disk,
            };
            let run = def
                .map(|d| kinds::run(d.kind, &Cx::new(d, p, host), &pr.tuning.written))
                .unwrap_or_default();
            let mut notes: Vec<String> = run.notes.clone();
            let own = own_command(p, def, &run);
            let own_command = own.is_some();
            let (command, command_note) = match own {
                Some(c) => (c, None),
                None => {
                    if !p.command.is_empty() {
                        notes.push("its own command cannot carry the plan's settings (a shell script, or a command that does not run the program they are for): this is the command StackFit plans; put yours back with them by hand".into());
                    }
                    (run.command.clone(), run.command_note)
                }
            };
            for st in pr
                .tuning
                .written
                .settings()
                .iter()
                .filter(|st| st.too_small)
            {
                notes.push(format!("{}: {}", st.name, st.rule_en));
            }
            for sg in &pr.tuning.suggestions {
                notes.push(format!(
                    "the plan holds {} {}; tuned for the {} MiB limit it would be {} (a finding offers the fix)",
                    sg.knob, sg.plan, pr.tuning.limit_mib, sg.tuned
                ));
            }

            // The image.
            let your_image = runs_your_code(p, def);
            let image = match (&p.image, def) {
                (Some(i), _) => i.clone(),
                (None, Some(d)) if !d.deploy.image.is_empty() => {
                    format!("{}:{}", d.deploy.image, d.deploy.tag)
                }
                _ => {
                    let var = format!("{}_IMAGE", env_name(&p.id));
                    env.entry(var.clone()).or_insert(EnvLine {
                        name: var.clone(),
                        value: String::new(),
                        comment: vec![format!(
                            "the image {} runs: your app, built and pushed to your registry (e.g. registry.example.com/team/{}:1.0)",
                            p.id, p.id
                        )],
                        required: true,
                        secret: false,
                    });
                    format!("${{{var}:?set {var} in .env to your image}}")
                }
            };

            let mut environment: Vec<(String, Value)> = Vec::new();
            // The database a client image logs in to (its
            // `DependencySecret` and `DependencyHost` settings), found once.
            let database = def
                .filter(|d| {
                    d.deploy.env.iter().any(|e| {
                        matches!(
                            e.value,
                            EnvValue::DependencySecret | EnvValue::DependencyHost(_)
                        )
                    })
                })
                .and_then(|_| dependency_password(p, &by_id, &secret_vars));
            // What the image needs to start.
            if let Some(d) = def {
                for e in d.deploy.env {
                    match e.value {
                        EnvValue::Literal(v) => {
                            environment.push((e.name.to_string(), Value::Literal(v.into())))
                        }
                        // Set below, with the dependencies: the database's host.
                        EnvValue::DependencyHost(v) => {
                            environment.push((e.name.to_string(), Value::Literal(v.into())))
                        }
                        EnvValue::Secret | EnvValue::DependencySecret => {
                            // The stack's own variable, kept from an import
                            // (every placement that reads it gets its value);
                            // for a database's client, the database's password
                            // instead, unless the database reads that variable
                            // too (its user's password, beside the root one);
                            // else a password of its own.
                            let own_var = p.secrets.get(e.name);
                            let database_reads = |dep: &String, var: &String| {
                                by_id
                                    .get(dep.as_str())
                                    .is_some_and(|(_, q)| q.secrets.iter().any(|(_, v)| v == var))
                            };
                            let db = database.as_ref().filter(|(dep, _)| {
                                e.value == EnvValue::DependencySecret
                                    && own_var.is_none_or(|var| !database_reads(dep, var))
                            });
                            let (var, comment) = match (db, own_var) {
                                (Some((dep, var)), _) => (
                                    var.clone(),
                                    format!("{}: {} ({dep}'s password: the same value)", p.id, e.why_en),
                                ),
                                (None, Some(var)) => (
                                    var.clone(),
                                    format!(
                                        "{}: {} (generated on your machine; every service that reads {var} gets the same value)",
                                        p.id, e.why_en
                                    ),
                                ),
                                (None, None) => {
                                    if e.value == EnvValue::DependencySecret {
                                        notes.push(format!(
                                            "{} depends on no database that takes a generated password: set {} in .env to its database's password",
                                            p.id, e.name
                                        ));
                                    }
                                    (
                                        secret_var(p, e.name, &secret_vars),
                                        format!(
                                            "{}: {} (generated on your machine; keep it secret)",
                                            p.id, e.why_en
                                        ),
                                    )
                                }
                            };
                            let value = secrets.value(&var);
                            env.entry(var.clone()).or_insert(EnvLine {
                                name: var.clone(),
                                value,
                                comment: vec![comment],
                                required: false,
                                secret: true,
                            });
                            environment.push((e.name.to_string(), Value::Var(var)));
                        }
                    }
                }
            }
            // What the plan's settings turn into.
            for (k, v) in run.env {
                environment.push((k, Value::Literal(v)));
            }
            // Dependencies: the service name here, the other server's address there.
            let mut depends_on = Vec::new();
            let mut remote: Vec<(String, Vec<String>)> = Vec::new();
            let mut database_host: Option<(Value, String)> = None;
            let mut replaced: Vec<String> = Vec::new();
            let mut dependency_hosts = BTreeMap::new();
            for (dep, prefix) in dependency_prefixes(&p.depends_on) {
                let Some(&(dsi, dp)) = by_id.get(dep.as_str()) else {
                    notes.push(format!("depends on {dep}, which is not in this option"));
                    continue;
                };
                let dserver = &o.servers[dsi];
                let ddef = catalog::service(&dp.service);
                let host_value = if dsi == si {
                    depends_on.push((
                        dep.clone(),
                        ddef.is_some_and(|d| !d.deploy.healthcheck.is_empty()),
                    ));
                    Value::Literal(dep.clone())
                } else {
                    match remote.iter_mut().find(|(s, _)| *s == dserver.id) {
                        Some((_, ids)) => ids.push(dep.clone()),
                        None => remote.push((dserver.id.clone(), vec![dep.clone()])),
                    }
                    match known_address(dserver) {
                        Some(a) => Value::Literal(a.to_string()),
                        None => {
                            let var = address_variable(&dserver.id);
                            env.entry(var.clone()).or_insert(EnvLine {
                                name: var.clone(),
                                value: String::new(),
                                comment: vec![format!(
                                    "server {}'s private IP ({}): {} runs there",
                                    env_name(&dserver.id),
                                    dserver.label,
                                    dep
                                )],
                                required: true,
                                secret: false,
                            });
                            Value::Var(var)
                        }
                    }
                };
                if database.as_ref().is_some_and(|(d, _)| *d == dep) {
                    database_host = Some((host_value.clone(), dep.clone()));
                }
                dependency_hosts.insert(format!("{prefix}_HOST"), dep.clone());
                set(&mut environment, format!("{prefix}_HOST"), host_value);
                if let Some(port) = port_of(dp, ddef) {
                    set(
                        &mut environment,
                        format!("{prefix}_PORT"),
                        Value::Literal(port.to_string()),
                    );
                }
                if let Some(d) = ddef {
                    if let Some(e) = password_secret(d) {
                        let var = secret_var(dp, e.name, &secret_vars);
                        let value = secrets.value(&var);
                        env.entry(var.clone()).or_insert(EnvLine {
                            name: var.clone(),
                            value,
                            comment: vec![format!(
                                "{dep}: {} (the same value on every server)",
                                e.why_en
                            )],
                            required: false,
                            secret: true,
                        });
                        // The image may name it among its own settings
                        // ("must equal ClickHouse's password"): the
                        // dependency's password is the one that logs in,
                        // written once (Compose refuses a key twice).
                        let name = format!("{prefix}_PASSWORD");
                        let was = set(&mut environment, name, Value::Var(var.clone()));
                        if let Some(Value::Var(own)) = was {
                            if own != var {
                                replaced.push(own);
                            }
                        }
                    }
                }
            }
            // A secret of its own the dependency's took the place of.
            for own in replaced {
                if !environment
                    .iter()
                    .any(|(_, v)| matches!(v, Value::Var(x) if *x == own))
                {
                    env.remove(&own);
                }
            }

            // A database host the image reads under its own name: the
            // dependency's, as just written for `{PREFIX}_HOST`.
            if let Some((host, dep)) = database_host {
                for (name, value) in environment.iter_mut() {
                    let from_database = def.is_some_and(|d| {
                        d.deploy.env.iter().any(|e| {
                            e.name == name.as_str()
                                && matches!(e.value, EnvValue::DependencyHost(_))
                        })
                    });
                    if from_database {
                        *value = host.clone();
                        dependency_hosts.insert(name.clone(), dep.clone());
                    }
                }
            }

            // The placement's own lines, from .env — after everything the
            // export itself sets, and never a second time: a YAML mapping
            // with a key twice is refused by Compose, and the export's value
            // (a password, a tuned setting, a dependency's address) is the
            // one the plan shows.
            let mut own_env = Vec::new();
            for (k, v) in &p.env {
                if environment.iter().any(|(name, _)| name == k) {
                    notes.push(format!(
                        "the plan's environment line {k} is not written: StackFit sets {k} itself"
                    ));
                    continue;
                }
                // Prefixed by the placement when another placement here sets
                // the same name, or the .env already holds it for something
                // else (a secret, an address, an image).
                let taken = env
                    .get(k.as_str())
                    .is_some_and(|l| l.secret || l.required || l.value != *v);
                let var = if env_count[k.as_str()] > 1 || taken {
                    format!("{}_{k}", env_name(&p.id))
                } else {
                    k.clone()
                };
                env.entry(var.clone()).or_insert(EnvLine {
                    name: var.clone(),
                    value: v.clone(),
                    comment: vec![format!("{}: set in the plan", p.id)],
                    required: false,
                    secret: false,
                });
                environment.push((k.clone(), Value::Var(var)));
                own_env.push(k.clone());
            }
            // The secrets it reads, each from a variable generated here,
            // the same value for every placement that names it.
            for (k, var) in &p.secrets {
                // One of its image's own secrets: written above, from `var`.
                if def.is_some_and(|d| is_generated_secret(d, k)) {
                    continue;
                }
                if environment.iter().any(|(name, _)| name == k) {
                    notes.push(format!(
                        "the plan's secret {k} is not written: StackFit sets {k} itself"
                    ));
                    continue;
                }
                // A name the .env already uses for something else (a line
                // of the plan's own, an address) gets the placement's prefix.
                let var = match env.get(var) {
                    Some(l) if !l.secret => format!("{}_{var}", env_name(&p.id)),
                    _ => var.clone(),
                };
                let value = secrets.value(&var);
                let line = env.entry(var.clone()).or_insert(EnvLine {
                    name: var.clone(),
                    value,
                    comment: Vec::new(),
                    required: false,
                    secret: true,
                });
                line.comment.push(format!(
                    "{}: {k} (generated on your machine; every service that reads {var} gets the same value)",
                    p.id
                ));
                environment.push((k.clone(), Value::Var(var)));
            }

            // Ports: public services on every interface; services another
            // server reaches on this server's private address only — the
            // ports the evaluation checked for clashes (`fit::ports`).
            let port = port_of(p, def);
            let publish = ports::planned(&reached, si, &bind, p, def);
            if publish.private && ports::bind_address(s).is_none() {
                let var = address_variable(&s.id);
                env.entry(var.clone()).or_insert(EnvLine {
                    name: var,
                    value: String::new(),
                    comment: vec![format!(
                        "this server's private IP ({}): {} is published on it for the other servers",
                        s.label, p.id
                    )],
                    required: true,
                    secret: false,
                });
            }
            if publish.reached_without_port {
                notes.push("reached from another server: publish its port on this server's private address".into());
            }
            let mut ports = Vec::new();
            for x in &publish.ports {
                let (bind, why) = match x.on {
                    On::Every => (None, "public"),
                    On::Private => (Some(bind.clone()), "private"),
                };
                let port = match x.port {
                    Some(port) => port.to_string(),
                    None => {
                        let var = format!("{}_PORT", env_name(&p.id));
                        env.entry(var.clone()).or_insert(EnvLine {
                            name: var.clone(),
                            value: String::new(),
                            comment: vec![format!(
                                "the port {} listens on (published to the internet)",
                                p.id
                            )],
                            required: true,
                            secret: false,
                        });
                        format!("${{{var}:?set {var} in .env}}")
                    }
                };
                ports.push(Published {
                    bind,
                    host: port.clone(),
                    container: port,
                    why,
                });
            }

            // Named volumes per placement: "<placement>-<what>" (the
            // catalog's name without its service prefix).
            let volumes = def
                .map(|d| {
                    d.deploy
                        .volumes
                        .iter()
                        .map(|v| (v.name_for(d.id, &p.id), v.path))
                        .collect()
                })
                .unwrap_or_default();
            containers.push(Container {
                placement: p,
                report: pr,
                def,
                image,
                your_image,
                command,
                command_note,
                own_command,
                own_env,
                environment,
                dependency_hosts,
                ports,
                volumes,
                healthcheck: def.map_or(&[][..], |d| d.deploy.healthcheck),
                nofile: def.and_then(|d| d.deploy.nofile),
                depends_on,
                remote,
                port,
                notes,
            });
        }
        let clashes = sr.port_clashes.clone();
        let index: HashMap<&str, usize> = containers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.placement.id.as_str(), i))
            .collect();
        for k in &clashes {
            if let Some(c) = index.get(k.second.as_str()).map(|&i| &mut containers[i]) {
                c.notes.push(format!(
                    "host port {} is published by {} on this server too: Docker would refuse this one; publish one of them on another host port",
                    k.port, k.first
                ));
            }
        }
        servers.push(ServerExport {
            index: si,
            server: s,
            report: sr,
            containers,
            env: env.into_values().collect(),
            clashes,
        });
    }
    Some(OptionExport {
        plan,
        option: o,
        report: or,
        servers,
    })
}

impl Container<'_> {
    /// The memory limit per replica.
    pub fn limit_mib(&self) -> Mib {
        self.report.per_replica.limit_mib
    }

    /// The memory reserved per replica: its expected use.
    pub fn reservation_mib(&self) -> Mib {
        self.report.per_replica.expected_mib
    }

    /// The CPU cap per replica, in cores as Compose writes it: the plan's,
    /// else the server's vCPUs (no cap below the server).
    pub fn cpus(&self, server_vcpu: u32) -> String {
        match self.placement.cpu_limit_millicores {
            Some(m) => super::cores(m),
            None => server_vcpu.max(1).to_string(),
        }
    }
}

/// The line every exported file states its load in when the option is not
/// at ×1: the counts written are the plan's scaled to that load (the
/// evaluation's own figures), not the ones the plan file holds.
///
/// ```
/// use stackfit_core::export::load_line;
/// assert_eq!(load_line(1000), None);
/// assert!(load_line(2000).unwrap().starts_with("load ×2:"));
/// ```
pub fn load_line(load: u32) -> Option<String> {
    (load != crate::model::multiplier::LOAD_ONE).then(|| {
        format!(
            "load {}: the worker counts, connections and limits here are the plan's scaled to {} its load (the what-if), as the evaluation sized them; the plan file keeps them at ×1",
            crate::model::multiplier::load_words(load),
            crate::model::multiplier::load_words(load)
        )
    })
}
