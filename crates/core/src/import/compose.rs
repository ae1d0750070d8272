//! Compose files (+ `.env`) → a draft plan and what the import found: one
//! option with one server of the tier the caller names, a placement per
//! running compose service (named by its compose name, `depends_on` kept),
//! and for every service what it was recognised as, or why it was assumed
//! or left out.

use std::collections::HashSet;

use serde::Serialize;

use super::dotenv;
pub use super::imported::{By, Idle, ImportedService, Outcome};
use super::interpolate::Vars;
use super::load::Loader;
use super::note::{msg, text_of, Note, Notes};
use super::place::place;
use super::recognise::one_shot;
use super::service::Draft;
use super::InputFile;
use crate::catalog;
use crate::edit::apply;
use crate::model::bounds;
use crate::model::{fresh_id, Action, Placement, Plan, PlanOption, Server, Settings};

/// What to import.
#[derive(Clone, Debug, Default)]
pub struct ComposeInput<'a> {
    /// Compose files, merged in order as `docker compose -f a -f b` merges them.
    pub files: Vec<InputFile<'a>>,
    /// Files that `include`, `extends` and `env_file` may name, by path.
    pub others: Vec<InputFile<'a>>,
    /// The pasted `.env`.
    pub env: Option<InputFile<'a>>,
    /// `--profile` values; when empty, COMPOSE_PROFILES from the `.env`.
    pub profiles: Vec<&'a str>,
    /// `--project-name`; else the files' `name:`, else COMPOSE_PROJECT_NAME.
    pub project: Option<&'a str>,
    /// The catalog tier of the one server the plan puts every service on.
    pub tier: &'a str,
}

/// The import: a draft plan (none when there is an error: nothing changes
/// until the input is fixed), every service, and everything ignored,
/// warned about or wrong, with file, line and column.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ComposeImport {
    pub plan: Option<Plan>,
    /// The Compose project name, when known (containers are named after it).
    pub project: Option<String>,
    pub services: Vec<ImportedService>,
    pub ignored: Vec<Note>,
    pub warnings: Vec<Note>,
    pub errors: Vec<Note>,
    /// Files the compose files name (`include`, `extends`, `env_file`) that
    /// were not given, as written there: a caller with a disk may read them
    /// and import again.
    pub missing_files: Vec<String>,
}

impl ComposeImport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn service(&self, name: &str) -> Option<&ImportedService> {
        self.services.iter().find(|s| s.name == name)
    }

    /// How this project's containers are named, for matching `docker stats`.
    pub fn naming(&self) -> super::stats::Naming {
        super::stats::Naming {
            project: self.project.clone(),
            services: self
                .services
                .iter()
                .filter(|s| !matches!(s.outcome, Outcome::NotRunning(_)))
                .map(|s| (s.name.clone(), s.container_name.clone()))
                .collect(),
        }
    }
}

/// The option and server ids of the draft plan.
pub const OPTION_ID: &str = "imported";
pub const SERVER_ID: &str = "server";

/// Compose's project name rule: lower case, `[a-z0-9_-]`.
fn project_name(s: &str) -> String {
    s.to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

fn env_vars(input: &ComposeInput, notes: &mut Notes) -> Vars {
    let Some(env) = input.env else {
        return Vars::new();
    };
    let fid = notes.file(env.name);
    let text = match text_of(env.bytes, fid, env.name) {
        Ok(t) => t,
        Err(e) => {
            notes.error(e.code, Some(e.at), None, e.m);
            return Vars::new();
        }
    };
    match dotenv::parse(text, fid, &Vars::new()) {
        Ok(e) => {
            for (code, at, m) in e.problems {
                notes.error(code, Some(at), None, m);
            }
            e.vars.into_iter().map(|(k, v, _)| (k, v)).collect()
        }
        Err((at, m)) => {
            notes.error("env-too-long", Some(at), None, m);
            Vars::new()
        }
    }
}

/// Imports compose files as `docker compose -f … config` reads them, into a
/// draft plan on one server of `input.tier`.
///
/// ```
/// use stackfit_core::import::{compose, ComposeInput, InputFile};
/// let yml = b"services:\n  db:\n    image: postgres:16\n    command: postgres -c shared_buffers=256MB\n    mem_limit: 1g\n  cache:\n    image: redis:7\n";
/// let got = compose(&ComposeInput {
///     files: vec![InputFile::new("compose.yaml", yml)],
///     tier: "aliyun-ecs-c7-large",
///     ..Default::default()
/// });
/// let plan = got.plan.expect("no errors");
/// let db = &plan.options[0].servers[0].placements[0];
/// assert_eq!((db.id.as_str(), db.service.as_str()), ("db", "postgres"));
/// assert_eq!(db.knobs["shared_buffers_mib"], 256);
/// assert_eq!(db.limit_mib, Some(1024));
/// ```
pub fn compose(input: &ComposeInput) -> ComposeImport {
    let mut notes = Notes::default();
    let tier = catalog::tier(input.tier);
    if tier.is_none() {
        notes.error(
            "unknown-tier",
            None,
            None,
            msg(
                format!("tier {:?} is not in the catalog", input.tier),
                format!("目录中没有规格 {:?}", input.tier),
            ),
        );
    }
    if input.files.is_empty() {
        notes.error(
            "no-files",
            None,
            None,
            msg("no compose file was given", "没有提供 compose 文件"),
        );
    }
    for f in input.files.iter().chain(&input.others) {
        notes.file(f.name);
    }
    let vars = env_vars(input, &mut notes);
    let (project, drafts, unset, fatal, vars) = {
        let mut l = Loader::new(&input.files, &input.others, &mut notes, vars);
        let p = l.project();
        let drafts: Vec<Draft> = p
            .services
            .iter()
            .map(|(n, at, s)| Draft::read(n, *at, s, &mut l))
            .collect();
        let unset = std::mem::take(&mut l.unset);
        let fatal = l.fatal;
        let vars = l.vars().clone();
        (p.name, drafts, unset, fatal, vars)
    };
    let mut seen = HashSet::new();
    for (name, at) in unset {
        if seen.insert(name.clone()) {
            notes.warn(
                "unset-variable",
                Some(at),
                None,
                msg(
                    format!("variable {name} is not set; an empty string is used"),
                    format!("变量 {name} 未设置，按空字符串处理"),
                ),
            );
        }
    }
    let project = input
        .project
        .map(str::to_string)
        .or(project.map(|(n, _)| n))
        .or_else(|| vars.get("COMPOSE_PROJECT_NAME").cloned())
        .map(|n| project_name(&n))
        .filter(|n| !n.is_empty());
    let profiles: Vec<String> = if input.profiles.is_empty() {
        vars.get("COMPOSE_PROFILES")
            .map(|p| p.split(',').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default()
    } else {
        input
            .profiles
            .iter()
            .flat_map(|p| p.split(','))
            .map(|s| s.trim().to_string())
            .collect()
    };
    let mut out = ComposeImport {
        project,
        ..ComposeImport::default()
    };
    if !fatal {
        build(
            &drafts,
            &profiles,
            tier.map_or("", |t| t.id),
            &mut notes,
            &mut out,
        );
    }
    notes.finish();
    out.errors = std::mem::take(&mut notes.errors);
    out.warnings = std::mem::take(&mut notes.warnings);
    out.ignored = std::mem::take(&mut notes.ignored);
    out.missing_files = std::mem::take(&mut notes.missing_files);
    if !out.errors.is_empty() {
        out.plan = None;
    }
    out
}

/// The draft plan and each service's outcome.
fn build(
    drafts: &[Draft],
    profiles: &[String],
    tier: &str,
    notes: &mut Notes,
    out: &mut ComposeImport,
) {
    let completed: HashSet<String> = drafts
        .iter()
        .flat_map(|d| d.depends_on.iter())
        .filter(|(_, c, _)| c == "service_completed_successfully")
        .map(|(n, _, _)| n.clone())
        .collect();
    let mut placed: Vec<(usize, Placement)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let active = d.profiles.is_empty()
            || d.profiles
                .iter()
                .any(|p| profiles.iter().any(|e| e == p || e == "*"));
        let idle = if !active {
            Some(Idle::ProfileOff {
                profiles: d.profiles.clone(),
            })
        } else if d.replicas.is_some_and(|(r, _)| r == 0) {
            Some(Idle::ScaledToZero)
        } else if one_shot(d, &completed).is_some() {
            Some(Idle::OneShot)
        } else {
            None
        };
        let imported = match idle {
            Some(why) => idle_service(d, why, &completed, notes),
            None => {
                let (svc, p) = place(d, notes);
                placed.push((i, p));
                svc
            }
        };
        out.services.push(imported);
    }
    let mut taken: Vec<String> = Vec::new();
    for (_, p) in placed.iter_mut() {
        p.id = fresh_id(&p.id, taken.iter().map(String::as_str));
        taken.push(p.id.clone());
    }
    let running: HashSet<String> = placed
        .iter()
        .map(|(i, _)| drafts[*i].name.clone())
        .collect();
    let defined: HashSet<&str> = drafts.iter().map(|d| d.name.as_str()).collect();
    let ids: std::collections::HashMap<String, String> = placed
        .iter()
        .map(|(i, p)| (drafts[*i].name.clone(), p.id.clone()))
        .collect();
    for (i, p) in placed.iter_mut() {
        let d = &drafts[*i];
        for (dep, _, at) in &d.depends_on {
            if running.contains(dep) {
                let id = &ids[dep];
                if id != &p.id && !p.depends_on.contains(id) {
                    p.depends_on.push(id.clone());
                }
            } else if !defined.contains(dep.as_str()) {
                notes.error(
                    "unknown-dependency",
                    Some(*at),
                    Some(&d.name),
                    msg(
                        format!("{} depends on {dep}, which is not defined", d.name),
                        format!("{} 依赖的服务 {dep} 未定义", d.name),
                    ),
                );
            } else {
                notes.ignore(
                    "dependency-not-running",
                    Some(*at),
                    Some(&d.name),
                    msg(
                        format!(
                            "{} depends on {dep}, which does not run as a service; not kept",
                            d.name
                        ),
                        format!("{} 依赖的 {dep} 不作为常驻服务运行，未保留该依赖", d.name),
                    ),
                );
            }
        }
    }
    let placements = placed.into_iter().map(|(_, p)| p).collect();
    out.plan = assemble(out.project.as_deref(), tier, placements, notes);
}

fn idle_service(
    d: &Draft,
    why: Idle,
    completed: &HashSet<String>,
    notes: &mut Notes,
) -> ImportedService {
    let n = &d.name;
    let (en, zh) = match &why {
        Idle::OneShot if completed.contains(n) => (
            format!("{n}: a one-shot job (others wait for it to complete); not counted as running"),
            format!("{n}：一次性任务（其他服务等待它执行完成），不计入常驻服务"),
        ),
        Idle::OneShot => (
            format!("{n}: a one-shot job (does not restart; its command runs and exits); not counted as running"),
            format!("{n}：一次性任务（不重启，命令执行完即退出），不计入常驻服务"),
        ),
        Idle::ScaledToZero => (
            format!("{n}: deploy.replicas is 0; not running"),
            format!("{n}：deploy.replicas 为 0，不运行"),
        ),
        Idle::ProfileOff { profiles } => {
            let p = profiles.join(", ");
            (
                format!("{n}: only in profile {p}, which is not enabled (COMPOSE_PROFILES or --profile)"),
                format!("{n}：只属于未启用的配置档 {p}（COMPOSE_PROFILES 或 --profile）"),
            )
        }
    };
    ImportedService {
        name: n.clone(),
        at: notes.location(d.at),
        image: d.image.as_ref().map(|(i, _)| i.clone()),
        own_code: d.build.is_some(),
        outcome: Outcome::NotRunning(why),
        container_name: d.container_name.clone(),
        replicas: 0,
        read: Vec::new(),
        en,
        zh,
    }
}

/// What an import is named in `lang`, after its Compose project: "导入：shop"
/// / "Imported: shop", within both the plan's and an option's name bound
/// (the planner names a new plan or a new option with it; the CLI its plan).
pub fn import_name(project: Option<&str>, lang: crate::fit::Lang) -> String {
    let title = project.unwrap_or("compose");
    let name = match lang {
        crate::fit::Lang::Zh => format!("导入：{title}"),
        crate::fit::Lang::En => format!("Imported: {title}"),
    };
    name.chars()
        .take(
            bounds::OPTION_NAME_CHARS
                .max
                .min(bounds::PLAN_NAME_CHARS.max) as usize,
        )
        .collect()
}

/// The draft plan, built with the same actions (and checks) the planner uses.
fn assemble(
    project: Option<&str>,
    tier: &str,
    placements: Vec<Placement>,
    notes: &mut Notes,
) -> Option<Plan> {
    let title = project.unwrap_or("compose");
    let mut plan = Plan {
        quotes: Vec::new(),
        name: import_name(project, crate::fit::Lang::En),
        description: String::new(),
        settings: Settings::default(),
        options: Vec::new(),
    };
    let label: String = title
        .chars()
        .take(bounds::LABEL_CHARS.max as usize)
        .collect();
    let mut actions = vec![
        Action::AddOption {
            option: PlanOption::new(OPTION_ID, "Imported from compose"),
        },
        Action::AddServer {
            option: OPTION_ID.into(),
            server: Server::new(SERVER_ID, &label, tier),
        },
    ];
    // One step, checked once: a placement may depend on one added after it.
    actions.push(Action::Batch {
        actions: placements
            .into_iter()
            .map(|p| Action::AddPlacement {
                option: OPTION_ID.into(),
                server: SERVER_ID.into(),
                placement: Box::new(p),
            })
            .collect(),
    });
    for a in &actions {
        if let Err(e) = apply(&mut plan, a) {
            notes.error(
                "plan-refused",
                None,
                None,
                msg(e.message_en(), e.message_zh()),
            );
            return None;
        }
    }
    Some(plan)
}
