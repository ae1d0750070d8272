//! Compose files (+ `.env`) → a draft plan and what the import found: one
//! option with one server of the tier the caller names, a placement per
//! running compose service (named by its compose name, `depends_on` kept),
//! and for every service what it was recognised as, or why it was assumed
//! or left out.

use std::collections::HashSet;

use serde::Serialize;

use super::dotenv;
use super::interpolate::Vars;
use super::knobs;
use super::load::Loader;
use super::note::{msg, text_of, Location, Note, Notes, Pos};
use super::recognise::{assumed_service, base_like, by_command, one_shot};
use super::service::Draft;
use super::InputFile;
use crate::catalog;
use crate::edit::apply;
use crate::model::bounds::{self, Bound};
use crate::model::units::format_mib;
use crate::model::{fresh_id, Action, Placement, Plan, PlanOption, Server, ServiceDef, Settings};

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

/// How a compose service was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum By {
    Image,
    Command,
}

/// Why a compose service is not a placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "why")]
pub enum Idle {
    /// An init or migration job that runs and exits.
    OneShot,
    /// `deploy.replicas: 0`.
    ScaledToZero,
    /// Only in profiles that are not enabled.
    ProfileOff { profiles: Vec<String> },
}

/// What became of a compose service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// A catalog service, by its image or its command.
    Recognised { service: &'static str, by: By },
    /// Not in the catalog: the custom service, with assumed figures.
    Assumed { service: &'static str },
    /// Not running, so not a placement.
    NotRunning(Idle),
}

/// One compose service and what the import made of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportedService {
    /// The compose service name (the placement id when it runs).
    pub name: String,
    pub at: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Built from source (`build:`): the user's own code.
    pub own_code: bool,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    pub replicas: u32,
    /// Each value read into the placement, with where it was written.
    pub read: Vec<Note>,
    /// One line saying what it became.
    pub en: String,
    pub zh: String,
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

/// The catalog service a running compose service is, and how it was known.
fn recognise(d: &Draft) -> (&'static ServiceDef, Option<By>, String) {
    let image = d.image.as_ref().map(|(i, _)| i.as_str());
    let by_image = image.and_then(catalog::service_for_image);
    let by_cmd = by_command(d);
    match (by_image, by_cmd) {
        (Some(def), _) if !base_like(def) => {
            (def, Some(By::Image), image.unwrap_or("").to_string())
        }
        (Some(def), None) => (def, Some(By::Image), image.unwrap_or("").to_string()),
        (_, Some((def, cmd))) => (def, Some(By::Command), cmd),
        (None, None) => (assumed_service(), None, String::new()),
    }
}

fn place(d: &Draft, notes: &mut Notes) -> (ImportedService, Placement) {
    let n = d.name.as_str();
    let (def, by, what) = recognise(d);
    let image = d.image.as_ref().map(|(i, _)| i.clone());
    let mut read: Vec<Note> = Vec::new();
    let mut note_parts: Vec<String> = Vec::new();
    let mut id = n.to_string();
    if bounds::check_text(&bounds::ID_CHARS, n).is_err() {
        // Room for a "-2" should two long names share their first 60 characters.
        id = n.chars().take(60).collect();
        notes.warn(
            "long-name",
            Some(d.at),
            Some(n),
            msg(
                format!("service name {n:?} is over 63 characters; the placement is named by its first 60"),
                format!("服务名 {n:?} 超过 63 个字符，方案中取其前 60 个字符"),
            ),
        );
    }
    let mut p = Placement::new(&id, def.id);
    let (en, zh) = match (by, &image) {
        (Some(By::Image), _) => (
            format!("{n}: {} (image {what})", def.name_en),
            format!("{n}：{}（镜像 {what}）", def.name_zh),
        ),
        (Some(By::Command), _) => (
            format!("{n}: {} (command {what})", def.name_en),
            format!("{n}：{}（命令 {what}）", def.name_zh),
        ),
        (None, img) => {
            let assumed = format_mib(def.knob_default("expected_mib").max(0) as u64);
            let stands = match img {
                Some(i) => (format!("image {i}"), format!("镜像 {i}")),
                None => ("your own build".to_string(), "自行构建的镜像".to_string()),
            };
            note_parts.push(format!("Stands for {}, which the catalog does not know: its memory ({assumed}) is assumed; measure it with docker stats.", stands.0));
            (
                format!(
                    "{n}: not in the catalog ({}); a custom service assumed at {assumed}",
                    stands.0
                ),
                format!(
                    "{n}：目录中没有（{}），按自定义服务估算 {assumed}",
                    stands.1
                ),
            )
        }
    };
    if let Some((ctx, _)) = &d.build {
        note_parts.push(format!("Your own code, built from {ctx}."));
    }
    if let Some((reps, at)) = d.replicas {
        match bounds::REPLICAS.check(reps) {
            Ok(v) => p.replicas = v as u32,
            Err(e) => {
                p.replicas = reps.clamp(1, bounds::REPLICAS.max) as u32;
                notes.warn(
                    "replicas-range",
                    Some(at),
                    Some(n),
                    msg(
                        format!("{} Using {}.", e.message_en(), p.replicas),
                        format!("{}已改为 {}。", e.message_zh(), p.replicas),
                    ),
                );
            }
        }
        if p.replicas > 1 {
            r(
                &mut read,
                notes,
                n,
                "replicas",
                Some(at),
                format!("deploy.replicas: {} replicas", p.replicas),
                format!("deploy.replicas：{} 个副本", p.replicas),
            );
        }
    }
    if let Some(l) = &d.limit {
        if sized(&bounds::LIMIT_MIB, l.mib, l, n, notes) {
            p.limit_mib = Some(l.mib);
            r(
                &mut read,
                notes,
                n,
                "limit",
                Some(l.at),
                format!(
                    "{}: {} → limit {} per container",
                    l.key,
                    l.text,
                    format_mib(l.mib)
                ),
                format!("{}：{} → 每个容器上限 {}", l.key, l.text, format_mib(l.mib)),
            );
        }
    }
    if let Some(s) = &d.shm {
        if sized(&bounds::SHM_MIB, s.mib, s, n, notes) {
            p.shm_mib = Some(s.mib);
            r(
                &mut read,
                notes,
                n,
                "shm",
                Some(s.at),
                format!("shm_size: {} → /dev/shm {}", s.text, format_mib(s.mib)),
                format!("shm_size：{} → /dev/shm {}", s.text, format_mib(s.mib)),
            );
        }
    }
    if let Some(res) = &d.reservation {
        note_parts.push(format!("Reserves {} ({}).", format_mib(res.mib), res.key));
        notes.ignore("reservation", Some(res.at), Some(n), msg(
            format!("{}: {}: a reservation only matters under memory pressure; kept in the note, the estimate stays the catalog's", res.key, res.text),
            format!("{}：{}：预留内存只在内存紧张时生效；已记在备注中，估算仍用目录数据", res.key, res.text),
        ));
    }
    for (mount, t) in &d.tmpfs {
        note_parts.push(format!(
            "tmpfs {mount} up to {} counts against its memory.",
            format_mib(t.mib)
        ));
        notes.ignore("tmpfs", Some(t.at), Some(n), msg(
            format!("tmpfs {mount} size {}: files in it use the container's memory; kept in the note", t.text),
            format!("tmpfs {mount} 大小 {}：其中的文件占用容器内存；已记在备注中", t.text),
        ));
    }
    if let Some((cpus, at)) = &d.cpus {
        notes.ignore(
            "cpus",
            Some(*at),
            Some(n),
            msg(
                format!("cpus {cpus}: StackFit plans expected CPU, not a CPU cap"),
                format!("cpus {cpus}：StackFit 规划的是预计 CPU 用量，而不是 CPU 上限"),
            ),
        );
    }
    let k = knobs::read(def, d, p.limit_mib);
    for u in k.unused {
        notes.ignore("setting-unused", u.at, Some(n), u.m);
    }
    for reading in k.readings {
        let Some(kd) = def.knob(reading.knob) else {
            notes.ignore(
                "no-such-knob",
                reading.at,
                Some(n),
                msg(
                    format!(
                        "{}: {} has no {} setting; not used",
                        reading.from, def.name_en, reading.knob
                    ),
                    format!(
                        "{}：{} 没有 {} 这项设置，未使用",
                        reading.from, def.name_zh, reading.knob
                    ),
                ),
            );
            continue;
        };
        if let Err(e) = Bound::of_knob(kd).check(reading.value) {
            notes.warn(
                "knob-range",
                reading.at,
                Some(n),
                msg(
                    format!("{}: {}", reading.from, e.message_en()),
                    format!("{}：{}", reading.from, e.message_zh()),
                ),
            );
            continue;
        }
        let (name_en, name_zh) = knob_names(kd);
        let (v_en, v_zh) = (
            knob_value(kd, reading.value, false),
            knob_value(kd, reading.value, true),
        );
        let from = &reading.from;
        if reading.value == kd.default {
            let en = format!("{from} → {name_en} {v_en} (the catalog default)");
            let zh = format!("{from} → {name_zh} {v_zh}（与目录默认值相同）");
            r(&mut read, notes, n, "knob", reading.at, en, zh);
        } else {
            p.knobs.insert(kd.id.to_string(), reading.value);
            let (en, zh) = (
                format!("{from} → {name_en} {v_en}"),
                format!("{from} → {name_zh} {v_zh}"),
            );
            r(&mut read, notes, n, "knob", reading.at, en, zh);
        }
    }
    let note = note_parts.join(" ");
    p.note = note.chars().take(bounds::NOTE_CHARS.max as usize).collect();
    let svc = ImportedService {
        name: n.to_string(),
        at: notes.location(d.at),
        image,
        own_code: d.build.is_some(),
        outcome: match by {
            Some(by) => Outcome::Recognised {
                service: def.id,
                by,
            },
            None => Outcome::Assumed { service: def.id },
        },
        container_name: d.container_name.clone(),
        replicas: p.replicas,
        read,
        en,
        zh,
    };
    (svc, p)
}

/// A knob's names without the parenthetical the palette shows ("(0 = none)").
fn knob_names(k: &crate::model::KnobDef) -> (&'static str, &'static str) {
    let en = k.name_en.split(" (").next().unwrap_or(k.name_en);
    let zh = k.name_zh.split('（').next().unwrap_or(k.name_zh);
    (en.trim(), zh.trim())
}

/// A knob's value as people read it: a choice by its name, a switch on or off.
fn knob_value(k: &crate::model::KnobDef, v: i64, zh: bool) -> String {
    match k.unit {
        crate::model::KnobUnit::Choice(list) => list
            .get(v.max(0) as usize)
            .map_or(v.to_string(), |c| c.to_string()),
        crate::model::KnobUnit::Bool => match (v != 0, zh) {
            (true, false) => "on".into(),
            (false, false) => "off".into(),
            (true, true) => "开".into(),
            (false, true) => "关".into(),
        },
        _ => Bound::of_knob(k).format(v, zh),
    }
}

/// Records a value read into the placement.
fn r(
    read: &mut Vec<Note>,
    notes: &Notes,
    service: &str,
    code: &'static str,
    at: Option<Pos>,
    en: String,
    zh: String,
) {
    read.push(notes.note(code, at, Some(service), msg(en, zh)));
}

/// True when a size is within its bound; else a warning and false.
fn sized(
    bound: &Bound,
    mib: u64,
    s: &super::service::Sized,
    service: &str,
    notes: &mut Notes,
) -> bool {
    match bound.check_u64(mib) {
        Ok(_) => true,
        Err(e) => {
            notes.warn(
                "size-range",
                Some(s.at),
                Some(service),
                msg(
                    format!("{}: {}", s.key, e.message_en()),
                    format!("{}：{}", s.key, e.message_zh()),
                ),
            );
            false
        }
    }
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
        name: format!("Imported: {title}")
            .chars()
            .take(bounds::PLAN_NAME_CHARS.max as usize)
            .collect(),
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
    actions.extend(placements.into_iter().map(|p| Action::AddPlacement {
        option: OPTION_ID.into(),
        server: SERVER_ID.into(),
        placement: p,
    }));
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
