//! One running compose service → a placement: which catalog service it is
//! (by image, else by command, else the assumed custom service), its
//! replicas, limit and /dev/shm within the planner's bounds, and each
//! setting its kind reads onto a knob within the knob's range; everything
//! read is listed with where it was written.

use std::collections::HashSet;

use super::imported::{By, ImportedService, Outcome};
use super::knobs;
use super::note::{msg, Note, Notes, Pos};
use super::recognise::{
    assumed_service, base_like, by_command, effective, is_base_image, role_of_image,
};
use super::service::{Draft, Sized};
use crate::catalog;
use crate::edit::validate::{
    is_command_word, is_env_name, is_generated_secret, is_image_ref, is_mount, is_port_spec,
    is_queue_name, is_unsafe_char, COMMAND_WORD_CHARS, ENV_VALUE_CHARS, MAX_COMMAND_WORDS, MAX_ENV,
    MAX_MOUNTS, MAX_PORTS, MAX_QUEUES,
};
use crate::kinds::celery::is_queue_worker;
use crate::kinds::{self, command, Cx, HostView};
use crate::model::bounds::{self, Bound};
use crate::model::units::format_mib;
use crate::model::{KnobDef, KnobUnit, Placement, ServiceDef};

/// The catalog service a running compose service is, and how it was known.
fn recognise(d: &Draft) -> (&'static ServiceDef, Option<By>, String) {
    // StackFit's own export says what it planned the service as.
    if let Some(def) = d.stackfit_service.as_deref().and_then(catalog::service) {
        return (def, Some(By::Label), def.id.to_string());
    }
    let image = d.image.as_ref().map(|(i, _)| i.as_str());
    let by_image = image.and_then(catalog::service_for_image);
    let by_cmd = by_command(d);
    // A role of the image (its worker, its scheduler) the service selects.
    if let Some(role) = by_image.and_then(|def| role_of_image(def, d)) {
        return (role, Some(By::Image), image.unwrap_or("").to_string());
    }
    match (by_image, by_cmd) {
        (Some(def), _) if !base_like(def) => {
            (def, Some(By::Image), image.unwrap_or("").to_string())
        }
        (Some(def), None) => (def, Some(By::Image), image.unwrap_or("").to_string()),
        (_, Some((def, cmd))) => (def, Some(By::Command), cmd),
        (None, None) => (assumed_service(), None, String::new()),
    }
}

pub(super) fn place(d: &Draft, notes: &mut Notes) -> (ImportedService, Placement) {
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
    keep_image(d, def, by, &mut p, &mut read, notes);
    keep_mounts(d, def, &mut p, &mut read, notes);
    keep_ports(d, &mut p, &mut read, notes);
    keep_queues(d, def, &mut p, &mut read, notes);
    let (en, zh) = match (by, &image) {
        (Some(By::Image), _) => (
            format!("{n}: {} (image {what})", def.name_en),
            format!("{n}：{}（镜像 {what}）", def.name_zh),
        ),
        (Some(By::Command), _) => (
            format!("{n}: {} (command {what})", def.name_en),
            format!("{n}：{}（命令 {what}）", def.name_zh),
        ),
        (Some(By::Label), _) => (
            format!("{n}: {} (label io.stackfit.service={what})", def.name_en),
            format!("{n}：{}（标签 io.stackfit.service={what}）", def.name_zh),
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
    keep_command(d, def, by, &mut p, &mut read, notes);
    keep_env(d, def, &mut p, &mut read, notes);
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

/// Keeps the image the compose service runs, so the export writes it and
/// not the catalog's: another tag of a database is another major version,
/// whose data files the catalog's would refuse to open, and your own
/// image is yours. Not kept when it is what the export writes anyway (a
/// round trip of StackFit's own file), nor when it is a base image running
/// a command (`python:3.12` running gunicorn): your app is not in it (a
/// build or a mount put it there, and a working directory the plan does
/// not carry), so the export asks for your app's image, as for one built
/// from source, and runs the command kept for it.
fn keep_image(
    d: &Draft,
    def: &ServiceDef,
    by: Option<By>,
    p: &mut Placement,
    read: &mut Vec<Note>,
    notes: &mut Notes,
) {
    let Some((image, at)) = &d.image else { return };
    let base_running_a_command = by == Some(By::Command)
        && (catalog::service_for_image(image).is_some() || is_base_image(image));
    let exported = format!("{}:{}", def.deploy.image, def.deploy.tag);
    if base_running_a_command || *image == exported {
        return;
    }
    let n = d.name.as_str();
    if is_image_ref(image) {
        p.image = Some(image.clone());
        r(
            read,
            notes,
            n,
            "image",
            Some(*at),
            format!("image: {image} → kept: the export runs this image"),
            format!("image：{image} → 保留：导出文件沿用这个镜像"),
        );
    } else {
        notes.warn(
            "image-unreadable",
            Some(*at),
            Some(n),
            msg(
                format!("image {image:?} is not an image reference Docker reads; the export asks for the image in .env"),
                format!("image {image:?} 不是 Docker 能识别的镜像名；导出时改为在 .env 中填写镜像"),
            ),
        );
    }
}

/// Keeps what the compose file mounted into the service (its data, its
/// configuration files), so the export mounts the same (not the catalog's
/// volumes as StackFit's own export names them); one that is not a
/// mount the plan can hold (a long-syntax option the short syntax has no
/// word for, a relative target) is said, with where.
fn keep_mounts(
    d: &Draft,
    def: &ServiceDef,
    p: &mut Placement,
    read: &mut Vec<Note>,
    notes: &mut Notes,
) {
    let n = d.name.as_str();
    // The catalog's volumes as StackFit's export names them: already the
    // placement's, nothing to keep.
    let exported: Vec<String> = def
        .deploy
        .volumes
        .iter()
        .map(|v| format!("{}:{}", v.name_for(def.id, &p.id), v.path))
        .collect();
    for (mount, at) in d.mounts.iter().filter(|(m, _)| !exported.contains(m)) {
        if p.mounts.len() == MAX_MOUNTS {
            notes.warn(
                "mount-unread",
                Some(*at),
                Some(n),
                msg(
                    format!(
                        "more than {MAX_MOUNTS} mounts: {mount} and the ones after it are not kept"
                    ),
                    format!("挂载超过 {MAX_MOUNTS} 个：{mount} 及之后的挂载未保留"),
                ),
            );
            return;
        }
        if is_mount(mount) {
            p.mounts.push(mount.clone());
            r(
                read,
                notes,
                n,
                "mount",
                Some(*at),
                format!("volumes: {mount} → kept: the export mounts it"),
                format!("volumes：{mount} → 保留：导出文件同样挂载"),
            );
        } else {
            notes.warn(
                "mount-unread",
                Some(*at),
                Some(n),
                msg(
                    format!("volumes: {mount:?} is not a mount the plan can keep (source:/path[:ro]); the export leaves it out, add it back by hand"),
                    format!("volumes：{mount:?} 不是方案能保留的挂载（源:/路径[:ro]）；导出文件中没有它，请手动补上"),
                ),
            );
        }
    }
}

/// Keeps the ports the compose file published, so the export publishes
/// the same; from StackFit's own export, the ones its `io.stackfit.ports`
/// label names (its `ports` also hold what the plan publishes of its own
/// accord, public or for another server, which a round trip must not turn
/// into kept ports); one the plan cannot hold is said, with where.
fn keep_ports(d: &Draft, p: &mut Placement, read: &mut Vec<Note>, notes: &mut Notes) {
    let labelled: Vec<(String, Pos)> = match (&d.stackfit_service, &d.stackfit_ports) {
        (None, _) => d.ports.clone(),
        (Some(_), None) => Vec::new(),
        (Some(_), Some((list, at))) => list
            .split(',')
            .filter(|x| !x.is_empty())
            .map(|x| (x.to_string(), *at))
            .collect(),
    };
    let n = d.name.as_str();
    for (spec, at) in &labelled {
        if is_port_spec(spec) && p.ports.len() < MAX_PORTS {
            p.ports.push(spec.clone());
            r(
                read,
                notes,
                n,
                "port",
                Some(*at),
                format!("ports: {spec} → kept: the export publishes it"),
                format!("ports：{spec} → 保留：导出文件同样发布"),
            );
        } else {
            notes.warn(
                "port-unread",
                Some(*at),
                Some(n),
                msg(
                    format!("ports: {spec:?} is not a published port the plan can keep ([ip:][host:]container[/udp]), or one too many; the export leaves it out, add it back by hand"),
                    format!("ports：{spec:?} 不是方案能保留的端口发布（[IP:][主机端口:]容器端口[/udp]），或数量超出上限；导出文件中没有它，请手动补上"),
                ),
            );
        }
    }
}

/// The queues a task worker consumes (`-Q a,b`), onto the placement, which
/// the export writes back as `-Q`; a name a queue cannot have is said.
fn keep_queues(
    d: &Draft,
    def: &ServiceDef,
    p: &mut Placement,
    read: &mut Vec<Note>,
    notes: &mut Notes,
) {
    if !is_queue_worker(def.kind) {
        return;
    }
    let Some((list, shown)) = knobs::flag(effective(&d.argv), &["-Q", "--queues"]) else {
        return;
    };
    let n = d.name.as_str();
    let queues: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_string)
        .collect();
    if queues.len() <= MAX_QUEUES && queues.iter().all(|q| is_queue_name(q)) {
        r(
            read,
            notes,
            n,
            "queues",
            d.argv_at,
            format!("{shown} → consumes the queues {}", queues.join(", ")),
            format!("{shown} → 消费队列 {}", queues.join("、")),
        );
        p.queues = queues;
    } else {
        notes.warn(
            "queues-unread",
            d.argv_at,
            Some(n),
            msg(
                format!("{shown}: not queue names the plan can keep (letters, digits and ._:@-, at most {MAX_QUEUES}); the export consumes the default queue, add them back by hand"),
                format!("{shown}：不是方案能保留的队列名（字母、数字和 ._:@-，最多 {MAX_QUEUES} 个）；导出文件消费默认队列，请手动补上"),
            ),
        );
    }
}

/// Keeps the command of an app (a runtime, a worker, an assumed service;
/// a data service's command is read onto its knobs and written back), so
/// the export runs your app and not a placeholder: without the flags its
/// kind's knobs own (they have been read onto the knobs, and the export
/// writes the plan's). Not kept, and said why, when the compose file sets
/// an `entrypoint` (the plan has no place for one), when it holds a secret
/// (plans travel in links), when it is a shell script the plan's flags
/// cannot go into, or when it is longer than a plan keeps. From StackFit's
/// own file, kept when its `io.stackfit.command` label says it is the
/// service's own.
fn keep_command(
    d: &Draft,
    def: &ServiceDef,
    by: Option<By>,
    p: &mut Placement,
    read: &mut Vec<Note>,
    notes: &mut Notes,
) {
    // StackFit's own file says whether the command is the service's own;
    // elsewhere, an app's (a data service's is read onto its knobs).
    let own_file = d.stackfit_service.is_some();
    let an_app = by.is_none() || base_like(def);
    if d.argv.is_empty() || !(d.stackfit_command || (!own_file && an_app)) {
        return;
    }
    let n = d.name.as_str();
    let flags = kinds::flags(def.kind);
    let shown: String = command::shown(&d.argv).chars().take(120).collect();
    let too_long = d.argv.len() > MAX_COMMAND_WORDS || !d.argv.iter().all(|w| is_command_word(w));
    // What the kind writes in its command for this placement, with the
    // plan's flags: what the kept command must be able to carry.
    let written = || {
        let cx = Cx::new(def, p, HostView::new(bounds::LIMIT_MIB.max as u64, 1));
        let tuned = kinds::kind(def.kind)
            .tune(&cx, p.limit_mib.unwrap_or(1024))
            .written;
        kinds::run(def.kind, &cx, &tuned).command
    };
    let why: Option<(String, String)> = if let Some(secret) = &d.command_secret {
        Some((
            format!("it holds a secret ({secret}), and plans travel in links"),
            format!("其中含有密钥（{secret}），而方案会通过链接分享"),
        ))
    } else if d.has_entrypoint {
        Some((
            "the compose file sets an entrypoint, which a plan does not carry".into(),
            "compose 文件设置了 entrypoint，方案中无处保存".into(),
        ))
    } else if too_long {
        Some((
            format!(
                "it is over {MAX_COMMAND_WORDS} words, or a word is over {} characters",
                COMMAND_WORD_CHARS.max
            ),
            format!(
                "超过 {MAX_COMMAND_WORDS} 个词，或有一个词超过 {} 个字符",
                COMMAND_WORD_CHARS.max
            ),
        ))
    } else if command::with_plan(&d.argv, flags, &written()).is_none() {
        Some(if command::script(&d.argv).is_some() {
            (
                "it is a shell script, and the plan's settings cannot be written into it".into(),
                "它是一段 shell 脚本，方案的设置无法写进去".into(),
            )
        } else {
            (
                format!(
                    "it does not run {} itself, so the plan's settings cannot be added to it",
                    def.name_en
                ),
                format!("它并不直接运行{}，方案的设置无法加到命令上", def.name_zh),
            )
        })
    } else {
        None
    };
    if let Some((en, zh)) = why {
        // A command with a secret in it is named by its program only.
        let shown = match &d.command_secret {
            Some(_) => format!("{} …", d.argv[0].chars().take(60).collect::<String>()),
            None => shown,
        };
        notes.ignore(
            "command-not-kept",
            d.argv_at,
            Some(n),
            msg(
                format!("command `{shown}` is not kept: {en}; the export writes the command StackFit plans for this service, with the plan's settings, or none (the image's own runs): put yours back in the exported file if it differs"),
                format!("命令 `{shown}` 未保留：{zh}；导出文件写的是 StackFit 为该服务规划的命令（设置取自方案），或不写命令而运行镜像自带的命令；如与你的不同，请补回导出文件"),
            ),
        );
        return;
    }
    p.command = command::strip(&d.argv, flags);
    if d.stackfit_service.is_some() {
        // StackFit's own file: the flags stripped are the ones it appended.
        return;
    }
    let owned = command::written_flags(&d.argv, flags);
    let (en, zh) = if owned.is_empty() {
        (
            format!("command: `{shown}` → kept: the export runs it"),
            format!("command：`{shown}` → 保留：导出文件运行同一命令"),
        )
    } else {
        let o = owned.join(" ");
        (
            format!("command: `{shown}` → kept without `{o}`: the export runs it with the plan's values for those"),
            format!("command：`{shown}` → 保留，但去掉 `{o}`：导出文件中这几项取方案的值"),
        )
    };
    r(read, notes, n, "command", d.argv_at, en, zh);
}

/// Keeps the environment the compose file gave a service (`environment`
/// and `env_file`) on the placement (`Placement::env`), so the export
/// writes it to the server's `.env` and passes it on: not what the export
/// writes itself or a knob took, and not a secret (a secret-named
/// variable, a value holding one, a URL with a password), since plans
/// travel in links; a value the plan cannot hold (over 4,000 characters,
/// on several lines, past the 64th) is said too. From StackFit's own file,
/// the lines its `io.stackfit.env` label names.
fn keep_env(
    d: &Draft,
    def: &ServiceDef,
    p: &mut Placement,
    read: &mut Vec<Note>,
    notes: &mut Notes,
) {
    let n = d.name.as_str();
    let fits = |k: &str, v: &str, p: &Placement| {
        is_env_name(k)
            && !is_generated_secret(def, k)
            && v.chars().count() as i64 <= ENV_VALUE_CHARS.max
            && !v.chars().any(is_unsafe_char)
            && (p.env.len() < MAX_ENV || p.env.get(k).is_some())
    };
    if d.stackfit_service.is_some() {
        for (k, var) in d.stackfit_secrets.iter().flatten() {
            if is_env_name(k) && is_env_name(var) && p.secrets.len() < MAX_ENV {
                p.secrets.insert(k.clone(), var.clone());
            }
        }
        let Some(names) = &d.stackfit_env else { return };
        for (k, v, _) in d.env.iter().filter(|(k, _, _)| names.contains(k)) {
            if !v.is_empty() && !d.env_secret.contains(k) && fits(k, v, p) {
                p.env.insert(k.clone(), v.clone());
            }
        }
        return;
    }
    let taken = |name: &str| {
        def.deploy.env.iter().any(|e| e.name == name)
            || read.iter().any(|r| {
                r.en.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(['=', ':']))
            })
    };
    let secret_names: HashSet<&str> = d.env_secret.iter().map(String::as_str).collect();
    let (mut kept, mut secret, mut unfit, mut generated): (
        Vec<&str>,
        Vec<&str>,
        Vec<&str>,
        Vec<&str>,
    ) = Default::default();
    let mut first: [Option<Pos>; 4] = [None; 4];
    for (k, v, at) in &d.env {
        // A secret read from a .env variable: a new value is generated for
        // that variable at export, the same for every service that reads
        // it — its image's own generated secret too (the database's
        // password then keeps the stack's variable).
        let source = d.env_secret_var.iter().find(|(name, _)| name == k);
        if taken(k) && !(source.is_some() && is_generated_secret(def, k)) {
            continue;
        }
        let (list, i) = if let Some((_, var)) = source {
            if p.secrets.len() < MAX_ENV || p.secrets.get(k).is_some() {
                p.secrets.insert(k.clone(), var.clone());
                (&mut generated, 3)
            } else {
                (&mut secret, 1)
            }
        } else if secret_names.contains(k.as_str()) {
            (&mut secret, 1)
        } else if fits(k, v, p) {
            p.env.insert(k.clone(), v.clone());
            (&mut kept, 0)
        } else {
            (&mut unfit, 2)
        };
        if !list.contains(&k.as_str()) {
            list.push(k);
        }
        first[i] = first[i].or(Some(*at));
    }
    let shown = |names: &[&str], sep: &str| {
        let mut list = names.iter().take(8).copied().collect::<Vec<_>>().join(sep);
        if names.len() > 8 {
            list.push_str(" …");
        }
        list
    };
    if !kept.is_empty() {
        r(
            read,
            notes,
            n,
            "env",
            first[0],
            format!(
                "environment: {} kept ({}): the export writes them to .env",
                kept.len(),
                shown(&kept, ", ")
            ),
            format!(
                "environment：保留 {} 个（{}）：导出时写入 .env",
                kept.len(),
                shown(&kept, "、")
            ),
        );
    }
    if !generated.is_empty() {
        let vars: Vec<&str> = generated
            .iter()
            .filter_map(|k| p.secrets.get(k).map(String::as_str))
            .fold(Vec::new(), |mut acc, v| {
                if !acc.contains(&v) {
                    acc.push(v);
                }
                acc
            });
        r(
            read,
            notes,
            n,
            "secret",
            first[3],
            format!(
                "environment: {} ({}): secrets of the .env ({}); the export generates new values, one per variable, the same for every service that reads it (yours are not kept)",
                generated.len(),
                shown(&generated, ", "),
                shown(&vars, ", ")
            ),
            format!(
                "environment：{} 个（{}）：取自 .env 中的密钥（{}）；导出时按变量重新生成取值，读同一变量的服务取值相同（原值不保留）",
                generated.len(),
                shown(&generated, "、"),
                shown(&vars, "、")
            ),
        );
    }
    if !secret.is_empty() {
        notes.ignore(
            "env-not-kept",
            first[1],
            Some(n),
            msg(
                format!(
                    "environment not kept ({}): {}: secrets, and values that hold one, stay out of the plan, which travels in links; add them to the exported .env",
                    secret.len(),
                    shown(&secret, ", ")
                ),
                format!(
                    "环境变量未保留（{} 个）：{}。密钥及含有密钥的取值不写入方案（方案会随链接分享）；请补到导出的 .env 中",
                    secret.len(),
                    shown(&secret, "、")
                ),
            ),
        );
    }
    if !unfit.is_empty() {
        notes.ignore(
            "env-not-kept",
            first[2],
            Some(n),
            msg(
                format!(
                    "environment not kept ({}): {}: a value over {} characters or on several lines, or more than {MAX_ENV} variables; add them to the exported .env",
                    unfit.len(),
                    shown(&unfit, ", "),
                    ENV_VALUE_CHARS.max
                ),
                format!(
                    "环境变量未保留（{} 个）：{}。取值超过 {} 个字符或跨多行，或变量超过 {MAX_ENV} 个；请补到导出的 .env 中",
                    unfit.len(),
                    shown(&unfit, "、"),
                    ENV_VALUE_CHARS.max
                ),
            ),
        );
    }
}

/// A knob's names without the parenthetical the palette shows ("(0 = none)").
fn knob_names(k: &KnobDef) -> (&'static str, &'static str) {
    let en = k.name_en.split(" (").next().unwrap_or(k.name_en);
    let zh = k.name_zh.split('（').next().unwrap_or(k.name_zh);
    (en.trim(), zh.trim())
}

/// A knob's value as people read it: a choice by its name, a switch on or off.
fn knob_value(k: &KnobDef, v: i64, zh: bool) -> String {
    match k.unit {
        KnobUnit::Choice(list) => list
            .get(v.max(0) as usize)
            .map_or(v.to_string(), |c| c.to_string()),
        KnobUnit::Bool => match (v != 0, zh) {
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
fn sized(bound: &Bound, mib: u64, s: &Sized, service: &str, notes: &mut Notes) -> bool {
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
