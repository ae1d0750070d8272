//! One merged compose service read into what sizing needs: image or
//! build, the command it runs, its environment (`env_file` then
//! `environment`), replicas, memory limit and reservation, /dev/shm, tmpfs
//! sizes, profiles, dependencies and restart policy. Values that cannot be
//! read are errors at their position; the rest of the service still counts.

use super::interpolate::{Node, V};
use super::load::Loader;
use super::note::{msg, Pos};
use super::shell;
use super::sizes::docker_mib;
use crate::edit::validate::is_host_path;
use crate::model::units::Mib;

/// A size and where it was written, as written.
#[derive(Clone, Debug)]
pub(crate) struct Sized {
    pub mib: Mib,
    pub at: Pos,
    pub text: String,
    pub key: &'static str,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Draft {
    pub name: String,
    pub at: Pos,
    pub image: Option<(String, Pos)>,
    pub build: Option<(String, Pos)>,
    /// `entrypoint` then `command`, as words.
    pub argv: Vec<String>,
    pub argv_at: Option<Pos>,
    /// Only `command` was given (the image's entrypoint runs it).
    pub has_entrypoint: bool,
    pub env: Vec<(String, String, Pos)>,
    pub replicas: Option<(i64, Pos)>,
    pub limit: Option<Sized>,
    pub reservation: Option<Sized>,
    pub shm: Option<Sized>,
    pub tmpfs: Vec<(String, Sized)>,
    pub profiles: Vec<String>,
    pub depends_on: Vec<(String, String, Pos)>,
    pub restart: Option<(String, Pos)>,
    pub container_name: Option<String>,
    pub cpus: Option<(String, Pos)>,
    /// `volumes`, each in the short syntax (a long-syntax entry written
    /// as one), with where it was written; tmpfs mounts are sizes, read
    /// with the others.
    pub mounts: Vec<(String, Pos)>,
    /// `ports`, each in the short syntax (a long-syntax entry written as
    /// one), with where it was written.
    pub ports: Vec<(String, Pos)>,
    /// The catalog service StackFit's own export named in the
    /// `io.stackfit.service` label.
    pub stackfit_service: Option<String>,
    /// The ports the plan kept, as StackFit's own export names them in the
    /// `io.stackfit.ports` label (its `ports` also hold what the plan
    /// publishes of its own accord).
    pub stackfit_ports: Option<(String, Pos)>,
    /// StackFit's own export marked its `command` as the service's own
    /// (the `io.stackfit.command` label), the plan's flags appended.
    pub stackfit_command: bool,
    /// What in the command looks like a secret (a secret-named variable's
    /// value, a password flag, a URL with credentials), said by name only.
    pub command_secret: Option<String>,
    /// The names in `env` whose value is, or holds, a secret: a
    /// secret-named variable, a value holding a secret-named variable's,
    /// a URL with a password.
    pub env_secret: Vec<String>,
    /// The secrets of `env_secret` that are a `.env` variable's value
    /// exactly, with that variable: (name, variable).
    pub env_secret_var: Vec<(String, String)>,
    /// The secrets the plan read from generated variables, as StackFit's
    /// own export names them in the `io.stackfit.secrets` label.
    pub stackfit_secrets: Option<Vec<(String, String)>>,
    /// The environment lines the plan held, as StackFit's own export names
    /// them in the `io.stackfit.env` label.
    pub stackfit_env: Option<Vec<String>>,
}

/// The label StackFit's compose export puts on every service: the catalog
/// service it was planned as, so an import of the file knows it exactly.
pub const SERVICE_LABEL: &str = "io.stackfit.service";

/// The label StackFit's compose export puts on a service whose plan keeps
/// published ports: them, comma-separated, so an import of the file tells
/// them from what the plan publishes of its own accord.
pub const PORTS_LABEL: &str = "io.stackfit.ports";

/// The label StackFit's compose export puts on a service that runs its own
/// command (kept from an import), so an import of the file keeps it.
pub const COMMAND_LABEL: &str = "io.stackfit.command";

/// The label StackFit's compose export puts on a service whose plan holds
/// environment lines of its own: their names, comma-separated, so an
/// import of the file tells them from what the export sets itself.
pub const ENV_LABEL: &str = "io.stackfit.env";

/// The label StackFit's compose export puts on a service that reads
/// secrets from generated variables: `NAME=VARIABLE` pairs, comma-separated.
pub const SECRETS_LABEL: &str = "io.stackfit.secrets";

/// For each secret of `env` (`secret` names them) whose value is exactly a
/// `.env` variable's: that variable, so the export can generate one value
/// for every service that read it. The variable of the same name wins,
/// else the only one with that value; recorded only when the name or the
/// variable says it is a secret (a user name equal to a weak password is
/// not made a generated secret).
fn secret_sources(
    env: &[(String, String, Pos)],
    secret: &[String],
    vars: &super::interpolate::Vars,
) -> Vec<(String, String)> {
    let mut by_value: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for (k, v) in vars {
        if !v.is_empty() {
            by_value.entry(v.as_str()).or_default().push(k.as_str());
        }
    }
    let secret: std::collections::HashSet<&str> = secret.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for (k, v, _) in env.iter().filter(|(k, _, _)| secret.contains(k.as_str())) {
        let Some(names) = by_value.get(v.as_str()) else {
            continue;
        };
        // The variable of the same name, else the only one with this
        // value: two with the same value (a weak password equal to a user
        // name) leave it unknown which one the service read, unless only
        // one of them is a secret and so is the setting.
        let secret_named_ones: Vec<&str> =
            names.iter().copied().filter(|n| secret_named(n)).collect();
        let picked = names
            .iter()
            .copied()
            .find(|n| *n == k.as_str())
            .or_else(|| names.first().copied().filter(|_| names.len() == 1))
            .or_else(|| {
                // A password equal to a user name: the secret-named one,
                // for a secret-named setting only.
                (secret_named(k) && secret_named_ones.len() == 1).then(|| secret_named_ones[0])
            });
        if let Some(var) = picked {
            if secret_named(k) || secret_named(var) {
                out.push((k.clone(), var.to_string()));
            }
        }
    }
    out
}

/// A variable whose name says it holds a secret (`DB_PASSWORD`, `API_KEY`,
/// `SENTRY_DSN`, `GITHUB_TOKEN`).
fn secret_named(name: &str) -> bool {
    name.to_ascii_uppercase()
        .split(['_', '-', '.'])
        .any(|part| {
            matches!(
                part,
                "PASSWORD"
                    | "PASSWD"
                    | "PASS"
                    | "PWD"
                    | "SECRET"
                    | "TOKEN"
                    | "KEY"
                    | "APIKEY"
                    | "DSN"
                    | "CREDENTIALS"
                    | "PRIVATE"
            )
        })
}

/// What in `argv` looks like a secret, by name: the value of one of
/// `secrets` (secret-named variables, values of four characters or more)
/// it holds, a password or token flag, or a URL with a password.
fn secret_in(argv: &[String], secrets: &[(&str, &str)]) -> Option<String> {
    for (name, value) in secrets {
        // A long value anywhere in a word; a short one (a default such as
        // `zammad` or `postgres`, also a database's name or a path) only as
        // the whole word or a flag's, a URL's value.
        let holds = |w: &String| {
            if value.chars().count() >= 12 {
                w.contains(*value)
            } else {
                w == value || w.ends_with(&format!("={value}")) || w.contains(&format!(":{value}@"))
            }
        };
        if argv.iter().any(holds) {
            return Some(format!("${{{name}}}"));
        }
    }
    for w in argv {
        let lower = w.to_ascii_lowercase();
        let flag = lower.starts_with('-')
            && [
                "password", "passwd", "secret", "token", "apikey", "api-key", "api_key",
            ]
            .iter()
            .any(|s| lower.split('=').next().unwrap_or("").contains(s));
        let url_password = lower
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ' ']).next())
            .is_some_and(|auth| {
                auth.contains('@') && auth.split('@').next().unwrap_or("").contains(':')
            });
        if flag || url_password {
            let shown: String = w.split('=').next().unwrap_or(w).chars().take(40).collect();
            return Some(if url_password {
                "…://user:…@".into()
            } else {
                shown
            });
        }
    }
    None
}

fn argv_of(n: &Node) -> Vec<String> {
    match &n.v {
        V::Str(s) => shell::words(s),
        V::Seq(items) => items
            .iter()
            .map(|i| i.str().unwrap_or("").to_string())
            .collect(),
        _ => Vec::new(),
    }
}

fn path<'n>(n: &'n Node, keys: &[&str]) -> Option<&'n Node> {
    keys.iter()
        .try_fold(n, |n, k| n.get(k))
        .filter(|n| !n.is_null())
}

impl Draft {
    pub fn read(name: &str, at: Pos, svc: &Node, l: &mut Loader) -> Draft {
        let mut d = Draft {
            name: name.to_string(),
            at,
            ..Draft::default()
        };
        let text = |k: &str| {
            svc.get(k)
                .and_then(|n| n.str().map(|s| (s.to_string(), n.at)))
        };
        d.image = text("image").filter(|(s, _)| !s.trim().is_empty());
        if let Some(b) = svc.get("build").filter(|b| !b.is_null()) {
            let ctx = b
                .get("context")
                .and_then(Node::str)
                .unwrap_or(".")
                .to_string();
            d.build = Some((ctx, b.at));
        }
        if let Some(e) = svc.get("entrypoint").filter(|n| !n.is_null()) {
            d.argv = argv_of(e);
            d.argv_at = Some(e.at);
            d.has_entrypoint = !d.argv.is_empty();
        }
        if let Some(c) = svc.get("command").filter(|n| !n.is_null()) {
            d.argv.extend(argv_of(c));
            d.argv_at = d.argv_at.or(Some(c.at));
        }
        d.read_env(svc, l);
        // The secrets a command or a value may hold: the values of the
        // secret-named variables (the service's, then the `.env`'s), the
        // first 256 (a real stack has a few dozen; the bound keeps a
        // hostile file's work linear).
        let mut dotenv: Vec<(&str, &str)> = l
            .vars()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        dotenv.sort_unstable();
        let secrets: Vec<(&str, &str)> = d
            .env
            .iter()
            .map(|(k, v, _)| (k.as_str(), v.as_str()))
            .chain(dotenv)
            .filter(|(k, v)| v.chars().count() >= 4 && secret_named(k))
            .take(256)
            .collect();
        if !d.argv.is_empty() {
            d.command_secret = secret_in(&d.argv, &secrets);
        }
        d.env_secret = d
            .env
            .iter()
            .filter(|(k, v, _)| {
                secret_named(k) || secret_in(std::slice::from_ref(v), &secrets).is_some()
            })
            .map(|(k, _, _)| k.clone())
            .collect();
        d.env_secret_var = secret_sources(&d.env, &d.env_secret, l.vars());
        d.restart = text("restart");
        if let Some(c) = path(svc, &["deploy", "restart_policy", "condition"])
            .and_then(|n| n.str().map(|s| (s, n.at)))
        {
            if d.restart.is_none() {
                d.restart = Some((
                    if c.0 == "none" {
                        "no".into()
                    } else {
                        c.0.to_string()
                    },
                    c.1,
                ));
            }
        }
        d.container_name = text("container_name").map(|(s, _)| s);
        // `labels` as a mapping or as a list of `key=value`.
        if let Some(labels) = svc.get("labels").filter(|n| !n.is_null()) {
            let from_map = labels
                .get(SERVICE_LABEL)
                .and_then(Node::str)
                .map(str::to_string);
            let from_list = || {
                labels.items().iter().find_map(|n| {
                    n.str()?
                        .strip_prefix(SERVICE_LABEL)?
                        .strip_prefix('=')
                        .map(str::to_string)
                })
            };
            d.stackfit_service = from_map.or_else(from_list);
            d.stackfit_ports = labels
                .get(PORTS_LABEL)
                .and_then(|n| n.str().map(|s| (s.to_string(), n.at)));
            d.stackfit_command = labels.get(COMMAND_LABEL).is_some_and(|n| !n.is_null());
            d.stackfit_secrets = labels.get(SECRETS_LABEL).and_then(Node::str).map(|s| {
                s.split(',')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            });
            d.stackfit_env = labels
                .get(ENV_LABEL)
                .and_then(Node::str)
                .map(|s| s.split(',').map(str::to_string).collect());
        }
        d.cpus = path(svc, &["deploy", "resources", "limits", "cpus"])
            .or_else(|| svc.get("cpus").filter(|n| !n.is_null()))
            .and_then(|n| n.str().map(|s| (s.to_string(), n.at)));
        d.profiles = svc
            .get("profiles")
            .map(|p| {
                p.items()
                    .iter()
                    .filter_map(|n| n.str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        for (dep, dat, v) in svc.get("depends_on").map(Node::entries).unwrap_or(&[]) {
            let cond = v
                .get("condition")
                .and_then(Node::str)
                .unwrap_or("service_started");
            d.depends_on.push((dep.clone(), cond.to_string(), *dat));
        }
        for link in svc.get("links").map(Node::items).unwrap_or(&[]) {
            if let Some(s) = link.str() {
                let target = s.split(':').next().unwrap_or(s).to_string();
                if !d.depends_on.iter().any(|(n, _, _)| *n == target) {
                    d.depends_on
                        .push((target, "service_started".into(), link.at));
                }
            }
        }
        d.read_mounts(svc);
        d.read_ports(svc);
        d.read_replicas(svc, l);
        d.read_sizes(svc, l);
        d
    }

    fn read_env(&mut self, svc: &Node, l: &mut Loader) {
        for f in svc.get("env_file").map(Node::items).unwrap_or(&[]) {
            let (reference, required) = match &f.v {
                V::Str(s) => (s.clone(), true),
                V::Map(_) => (
                    f.get("path").and_then(Node::str).unwrap_or("").to_string(),
                    f.get("required").and_then(Node::str) != Some("false"),
                ),
                _ => continue,
            };
            if reference.is_empty() {
                continue;
            }
            if let Some((vars, fid)) = l.env_file(&reference, f.at, &self.name, required) {
                for (k, v) in vars {
                    self.env.retain(|(e, _, _)| *e != k);
                    self.env.push((k, v, Pos::start(fid)));
                }
            }
        }
        for (k, at, v) in svc.get("environment").map(Node::entries).unwrap_or(&[]) {
            self.env.retain(|(e, _, _)| e != k);
            match &v.v {
                V::Str(s) => self.env.push((k.clone(), s.clone(), *at)),
                // `KEY` alone or `KEY:` takes the shell's value, which core does not read.
                _ => match l.vars().get(k) {
                    Some(s) => self.env.push((k.clone(), s.clone(), *at)),
                    None => continue,
                },
            }
        }
    }

    fn read_mounts(&mut self, svc: &Node) {
        for v in svc.get("volumes").map(Node::items).unwrap_or(&[]) {
            let text = |k: &str| v.get(k).and_then(Node::str).unwrap_or("");
            let short = match &v.v {
                V::Str(s) => s.clone(),
                V::Map(_) if text("type") == "tmpfs" => continue,
                V::Map(_) => {
                    let (source, target) = (text("source"), text("target"));
                    let ro = matches!(
                        text("read_only").to_ascii_lowercase().as_str(),
                        "true" | "yes" | "on"
                    );
                    match source {
                        // An anonymous volume has no short form with a mode.
                        "" => target.to_string(),
                        // A bind's relative source is a path, which the
                        // short syntax writes with `./`.
                        s if text("type") == "bind" && !is_host_path(s) => {
                            format!("./{s}:{target}{}", if ro { ":ro" } else { "" })
                        }
                        s => format!("{s}:{target}{}", if ro { ":ro" } else { "" }),
                    }
                }
                _ => continue,
            };
            self.mounts.push((short, v.at));
        }
    }

    fn read_ports(&mut self, svc: &Node) {
        for x in svc.get("ports").map(Node::items).unwrap_or(&[]) {
            let short = match &x.v {
                V::Map(_) => {
                    let text = |k: &str| x.get(k).and_then(Node::str).unwrap_or("");
                    let ip = match text("host_ip") {
                        "" => String::new(),
                        a if a.contains(':') => format!("[{a}]:"),
                        a => format!("{a}:"),
                    };
                    let published = match text("published") {
                        "" if ip.is_empty() => String::new(),
                        p => format!("{p}:"),
                    };
                    let protocol = match text("protocol") {
                        "" | "tcp" => String::new(),
                        p => format!("/{p}"),
                    };
                    format!("{ip}{published}{}{protocol}", text("target"))
                }
                _ => match x.str() {
                    Some(s) => s.to_string(),
                    None => continue,
                },
            };
            // An empty address (`:2283:2283`, a default of `${PORT-:2283}`)
            // is every address: the short syntax without one.
            let short = match short.strip_prefix(':') {
                Some(rest) if rest.matches(':').count() == 1 => rest.to_string(),
                _ => short,
            };
            self.ports.push((short, x.at));
        }
    }

    fn read_replicas(&mut self, svc: &Node, l: &mut Loader) {
        let node = path(svc, &["deploy", "replicas"])
            .or_else(|| svc.get("scale").filter(|n| !n.is_null()));
        let Some(n) = node else { return };
        let s = n.str().unwrap_or("").trim();
        match s.parse::<i64>() {
            Ok(r) if r >= 0 => self.replicas = Some((r, n.at)),
            _ => l.notes.error(
                "bad-replicas",
                Some(n.at),
                Some(&self.name),
                msg(
                    format!("replicas must be a whole number, not {s:?}"),
                    format!("副本数必须是整数，而不是 {s:?}"),
                ),
            ),
        }
    }

    fn size(&self, n: &Node, key: &'static str, l: &mut Loader) -> Option<Sized> {
        let s = n.str()?.trim().to_string();
        match docker_mib(&s) {
            Some(mib) => Some(Sized {
                mib,
                at: n.at,
                text: s,
                key,
            }),
            None => {
                l.notes.error(
                    "bad-size",
                    Some(n.at),
                    Some(&self.name),
                    msg(
                        format!("cannot read {key}: {s:?} (expected a size such as 512m, 1g or a byte count)"),
                        format!("无法读取 {key}：{s:?}（应为 512m、1g 或字节数这样的大小）"),
                    ),
                );
                None
            }
        }
    }

    fn read_sizes(&mut self, svc: &Node, l: &mut Loader) {
        let deploy_limit = path(svc, &["deploy", "resources", "limits", "memory"]);
        let mem_limit = svc.get("mem_limit").filter(|n| !n.is_null());
        let a = deploy_limit.and_then(|n| self.size(n, "deploy.resources.limits.memory", l));
        let b = mem_limit.and_then(|n| self.size(n, "mem_limit", l));
        if let (Some(x), Some(y)) = (&a, &b) {
            if x.mib != y.mib {
                l.notes.warn(
                    "limit-conflict",
                    Some(y.at),
                    Some(&self.name),
                    msg(
                        format!("mem_limit {} and deploy.resources.limits.memory {} differ; the smaller is used", y.text, x.text),
                        format!("mem_limit {} 与 deploy.resources.limits.memory {} 不一致，取较小者", y.text, x.text),
                    ),
                );
            }
        }
        self.limit = match (a, b) {
            (Some(x), Some(y)) => Some(if y.mib < x.mib { y } else { x }),
            (x, y) => x.or(y),
        };
        let res = path(svc, &["deploy", "resources", "reservations", "memory"])
            .map(|n| (n, "deploy.resources.reservations.memory"))
            .or_else(|| {
                svc.get("mem_reservation")
                    .filter(|n| !n.is_null())
                    .map(|n| (n, "mem_reservation"))
            });
        self.reservation = res.and_then(|(n, k)| self.size(n, k, l));
        self.shm = svc
            .get("shm_size")
            .filter(|n| !n.is_null())
            .and_then(|n| self.size(n, "shm_size", l));
        for t in svc.get("tmpfs").map(Node::items).unwrap_or(&[]) {
            let Some(s) = t.str() else { continue };
            let (mount, opts) = s.split_once(':').unwrap_or((s, ""));
            for o in opts.split(',') {
                if let Some(size) = o.strip_prefix("size=") {
                    let n = Node::new(V::Str(size.to_string()), t.at);
                    if let Some(sz) = self.size(&n, "tmpfs size", l) {
                        self.tmpfs.push((mount.to_string(), sz));
                    }
                }
            }
        }
        for v in svc.get("volumes").map(Node::items).unwrap_or(&[]) {
            if v.get("type").and_then(Node::str) == Some("tmpfs") {
                let target = v
                    .get("target")
                    .and_then(Node::str)
                    .unwrap_or("")
                    .to_string();
                if let Some(n) = path(v, &["tmpfs", "size"]) {
                    if let Some(sz) = self.size(n, "tmpfs size", l) {
                        self.tmpfs.push((target, sz));
                    }
                }
            }
        }
    }

    /// The commands this service runs (a shell script's commands separately).
    pub fn commands(&self) -> Vec<Vec<String>> {
        shell::commands(&self.argv)
    }
}
