//! The one validator of a plan. The codec repairs what it can of a plan it
//! reads (and says what it changed); the actions refuse what breaks a rule.
//! Both apply the same rules, from [`crate::model::bounds`]. Its work is
//! linear in the size of the plan: ids are checked against hash sets, and a
//! repeated id is renamed from a per-base counter, never by rescanning.

use std::collections::{HashMap, HashSet};

use super::ActionError;
use crate::catalog;
use crate::model::bounds::{self, Bound, OutOfBounds};
use crate::model::price::{is_date, Quote, QuoteFrom};
use crate::model::units::Mib;
use crate::model::{Placement, Plan, PlanOption, PriceOverride, ServiceDef, Settings};

/// What a plan may hold at most: far above any real plan (the reference
/// reports have five options, three servers, fifteen placements), low
/// enough that evaluating and drawing stay fast.
pub const MAX_OPTIONS: usize = 64;
pub const MAX_SERVERS_PER_OPTION: usize = 200;
pub const MAX_PLACEMENTS_PER_OPTION: usize = 2_000;
pub const MAX_DEPENDENCIES: usize = 64;
pub const MAX_KNOBS: usize = 64;
pub const MAX_QUEUES: usize = 32;
pub const MAX_ENV: usize = 64;
/// Mounts of one placement (a compose service rarely has more than a few).
pub const MAX_MOUNTS: usize = 32;
/// Published ports of one placement.
pub const MAX_PORTS: usize = 32;
/// Words of a placement's own command (a real one has a dozen).
pub const MAX_COMMAND_WORDS: usize = 64;
/// One word of a placement's own command (a `sh -c` script is one word).
pub const COMMAND_WORD_CHARS: Bound = Bound::new(
    "word of a command",
    "命令中的一个词",
    0,
    1_024,
    bounds::Measure::Chars,
);
/// Quotes a plan carries: one per tier it uses, so a few at most.
pub const MAX_QUOTES: usize = 200;
/// An environment value (one line of `.env`).
pub const ENV_VALUE_CHARS: Bound = Bound::new(
    "environment value",
    "环境变量取值",
    0,
    4_000,
    bounds::Measure::Chars,
);

/// Repair what can be repaired (the codec), or refuse any breach (actions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Repair,
    Refuse,
}

/// A change validation made, with where, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub en: String,
    pub zh: String,
}

impl Note {
    /// "path: message", in English.
    pub fn text_en(&self) -> String {
        if self.path.is_empty() {
            self.en.clone()
        } else {
            format!("{}: {}", self.path, self.en)
        }
    }

    /// 中文："位置：说明"。
    pub fn text_zh(&self) -> String {
        if self.path.is_empty() {
            self.zh.clone()
        } else {
            format!("{}：{}", self.path, self.zh)
        }
    }
}

/// Why a plan cannot be used, with where (a path such as
/// `options[0].servers[1].tier`) and, for the codec, the value to locate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub path: String,
    /// The offending value as it appears in the text, to find its line.
    pub value: String,
    pub error: ActionError,
}

/// Carries the mode and collects notes.
struct Checker {
    mode: Mode,
    notes: Vec<Note>,
}

impl Checker {
    /// A breach that can be repaired: in Repair mode, note it and repair;
    /// in Refuse mode, the error.
    fn breach(
        &mut self,
        path: &str,
        error: ActionError,
        en: String,
        zh: String,
    ) -> Result<(), Rejection> {
        match self.mode {
            Mode::Refuse => Err(Rejection {
                path: path.to_string(),
                value: String::new(),
                error,
            }),
            Mode::Repair => {
                self.notes.push(Note {
                    path: path.to_string(),
                    en,
                    zh,
                });
                Ok(())
            }
        }
    }

    /// A number outside its bound: clamped in Repair mode.
    fn bounded(&mut self, path: &str, bound: &Bound, v: &mut i64) -> Result<(), Rejection> {
        if bound.contains(*v) {
            return Ok(());
        }
        let c = (*v).clamp(bound.min, bound.max);
        let e = OutOfBounds {
            bound: *bound,
            value: *v,
        };
        let (en, zh) = (
            format!("{} Set to {}.", e.message_en(), bound.format(c, false)),
            format!("{}已改为 {}。", e.message_zh(), bound.format(c, true)),
        );
        self.breach(path, ActionError::OutOfRange(e), en, zh)?;
        *v = c;
        Ok(())
    }

    fn bounded_u64(&mut self, path: &str, bound: &Bound, v: &mut u64) -> Result<(), Rejection> {
        let mut x = i64::try_from(*v).unwrap_or(i64::MAX);
        self.bounded(path, bound, &mut x)?;
        *v = x as u64;
        Ok(())
    }

    fn bounded_mib(
        &mut self,
        path: &str,
        bound: &Bound,
        v: &mut Option<Mib>,
    ) -> Result<(), Rejection> {
        match v {
            Some(m) => self.bounded_u64(path, bound, m),
            None => Ok(()),
        }
    }

    /// A text over its length: cut at the bound in Repair mode.
    fn text(&mut self, path: &str, bound: &Bound, s: &mut String) -> Result<(), Rejection> {
        let n = s.chars().count();
        if n as i64 <= bound.max {
            return Ok(());
        }
        let e = OutOfBounds {
            bound: *bound,
            value: n as i64,
        };
        let (en, zh) = (
            format!("{} Cut to {} characters.", e.message_en(), bound.max),
            format!("{}已截断为 {} 个字符。", e.message_zh(), bound.max),
        );
        self.breach(path, ActionError::OutOfRange(e), en, zh)?;
        *s = s.chars().take(bound.max as usize).collect();
        Ok(())
    }

    /// Text written into files and terminals keeps no control characters
    /// (line breaks included): they are replaced by spaces.
    fn one_line(&mut self, path: &str, s: &mut String) -> Result<(), Rejection> {
        if s.chars().any(is_unsafe_char) {
            self.breach(
                path,
                ActionError::ControlCharacters(path.to_string()),
                "control characters and line breaks were replaced by spaces".into(),
                "控制字符和换行已替换为空格".into(),
            )?;
            *s = s
                .chars()
                .map(|c| if is_unsafe_char(c) { ' ' } else { c })
                .collect();
        }
        Ok(())
    }
}

/// Characters that break a one-line text: C0 and C1 controls, DEL, the
/// Unicode line and paragraph separators (line breaks to YAML), and the
/// noncharacters U+FFFE/U+FFFF.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
}

/// An id is a compose service name, a host name and part of a file name:
/// lower-case letters, digits, `-` and `_`, starting with a letter or digit.
pub fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// `id` made into one: lower case, anything else a `-`, `fallback` if nothing is left.
pub fn clean_id(id: &str, fallback: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_start_matches(['-', '_']).to_string();
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

/// An environment variable name: `[A-Za-z_][A-Za-z0-9_]*`, at most 128 characters.
pub fn is_env_name(name: &str) -> bool {
    name.len() <= 128
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `name` is a secret the export generates for service `def`
/// (`POSTGRES_PASSWORD` for PostgreSQL): shown as "generated at export",
/// never held by a plan.
pub fn is_generated_secret(def: &ServiceDef, name: &str) -> bool {
    def.deploy
        .env
        .iter()
        .any(|e| e.name == name && e.value.is_generated())
}

/// An image reference as Docker reads it: lower-case registry and path,
/// a tag or digest; at most 255 characters, nothing a YAML or shell reader
/// would take for syntax.
pub fn is_image_ref(image: &str) -> bool {
    !image.is_empty()
        && image.len() <= 255
        && image.starts_with(|c: char| c.is_ascii_alphanumeric())
        && image
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "./:@_-".contains(c))
}

/// Whether a mount's source is a host path (`/srv`, `./data`, `~/x`), not
/// a named volume: Compose's rule.
pub fn is_host_path(source: &str) -> bool {
    source.starts_with(['/', '.', '~'])
}

/// A word a placement's own command may hold: at most
/// [`COMMAND_WORD_CHARS`] characters, no control characters but a line
/// break or a tab (a script's).
pub fn is_command_word(word: &str) -> bool {
    word.chars().count() as i64 <= COMMAND_WORD_CHARS.max
        && word
            .chars()
            .all(|c| !c.is_control() || c == '\n' || c == '\t')
}

/// A mount in Compose's short syntax: `SOURCE:TARGET[:MODE]` or an
/// anonymous `TARGET`, the target an absolute path, the mode `ro` or `rw`
/// (with SELinux's `z`/`Z`); at most 1,024 characters, printable, no
/// spaces, nothing a YAML or shell reader would take for syntax.
pub fn is_mount(mount: &str) -> bool {
    let printable = |s: &str| {
        s.chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !"\"'`$#{}".contains(c))
    };
    let parts: Vec<&str> = mount.split(':').collect();
    let (source, target, mode) = match parts[..] {
        [target] => ("", target, ""),
        [source, target] => (source, target, ""),
        [source, target, mode] => (source, target, mode),
        _ => return false,
    };
    let mode_ok = parts.len() < 3
        || mode.split(',').all(|m| {
            matches!(
                m,
                "ro" | "rw" | "z" | "Z" | "cached" | "delegated" | "consistent" | "nocopy"
            )
        });
    // A source that is not a path is a named volume, and Docker names those
    // with letters, digits and `_.-`.
    let source_ok = source.is_empty()
        || is_host_path(source)
        || (source.starts_with(|c: char| c.is_ascii_alphanumeric())
            && source
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)));
    mount.len() <= 1024
        && printable(mount)
        && target.starts_with('/')
        && target.len() > 1
        && (parts.len() == 1 || !source.is_empty())
        && source_ok
        && mode_ok
}

/// A published port in Compose's short syntax:
/// `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, each port a number
/// from 1 to 65535 or a range `a-b`, the host port possibly empty (Docker
/// picks one) when an address is given, an IPv6 address in brackets; at
/// most `PORT_SPEC_CHARS`.
pub fn is_port_spec(spec: &str) -> bool {
    let ports = |s: &str| {
        let num = |n: &str| {
            !n.is_empty()
                && n.len() <= 5
                && n.bytes().all(|b| b.is_ascii_digit())
                && (1..=65_535).contains(&n.parse::<u32>().unwrap_or(0))
        };
        match s.split_once('-') {
            // Docker refuses a range that runs backwards.
            Some((a, b)) => num(a) && num(b) && a.parse::<u32>().ok() <= b.parse::<u32>().ok(),
            None => num(s),
        }
    };
    let (rest, protocol) = spec.split_once('/').unwrap_or((spec, "tcp"));
    if spec.len() > crate::model::bounds::PORT_SPEC_CHARS
        || !matches!(protocol, "tcp" | "udp" | "sctp")
    {
        return false;
    }
    let (address, rest) = match rest.strip_prefix('[') {
        Some(v6) => match v6.split_once("]:") {
            Some((a, r)) if a.parse::<std::net::Ipv6Addr>().is_ok() => (Some(a), r),
            _ => return false,
        },
        None => (None, rest),
    };
    let parts: Vec<&str> = rest.split(':').collect();
    // An address as Docker reads it (Go's net.ParseIP): four decimal
    // octets without leading zeros, or an IPv6 address in brackets.
    let ipv4 = |a: &str| a.parse::<std::net::Ipv4Addr>().is_ok();
    match (address, &parts[..]) {
        (None, [target]) => ports(target),
        (None, [host, target]) => ports(host) && ports(target),
        (None, [ip, host, target]) => ipv4(ip) && (host.is_empty() || ports(host)) && ports(target),
        (Some(_), [host, target]) => (host.is_empty() || ports(host)) && ports(target),
        _ => false,
    }
}

/// A queue name: letters, digits and `._:@-`, at most 100 characters.
pub fn is_queue_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:@-".contains(c))
}

/// Hands out ids: the id itself when free, else `base-2`, `base-3`, … from a
/// counter per base, so n repeats cost O(n), not O(n²).
#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, u64>,
}

impl Ids {
    pub fn with<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        Ids {
            taken: ids.into_iter().map(str::to_string).collect(),
            next: HashMap::new(),
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// Takes `id` if free; otherwise returns the fresh id taken instead.
    pub fn take(&mut self, id: &str) -> String {
        if self.taken.insert(id.to_string()) {
            return id.to_string();
        }
        let n = self.next.entry(id.to_string()).or_insert(2);
        loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

fn id(
    c: &mut Checker,
    ids: &mut Ids,
    path: &str,
    what: (&str, &str),
    id: &mut String,
) -> Result<(), Rejection> {
    if id.trim().is_empty() {
        c.breach(
            path,
            ActionError::OutOfRange(OutOfBounds {
                bound: bounds::ID_CHARS,
                value: 0,
            }),
            format!("the {} had no id; named {:?}", what.0, what.0),
            format!("{}没有标识，已命名为“{}”", what.1, what.0),
        )?;
        *id = what.0.to_string();
    }
    c.text(path, &bounds::ID_CHARS, id)?;
    if !is_id(id) {
        let clean = clean_id(id, what.0);
        c.breach(
            path,
            ActionError::BadId(id.clone()),
            format!("{} id {:?} may hold only lower-case letters, digits, - and _; changed to {clean:?}", what.0, id),
            format!("{}标识“{}”只能包含小写字母、数字、- 和 _，已改为“{clean}”", what.1, id),
        )?;
        *id = clean;
    }
    let fresh = ids.take(id);
    if fresh != *id {
        c.breach(
            path,
            ActionError::DuplicateId(id.clone()),
            format!("{} id {:?} was repeated; renamed to {fresh:?}", what.0, id),
            format!("{}标识“{}”重复，已改为“{fresh}”", what.1, id),
        )?;
        *id = fresh;
    }
    Ok(())
}

fn price(c: &mut Checker, path: &str, p: Option<&mut PriceOverride>) -> Result<(), Rejection> {
    let Some(p) = p else { return Ok(()) };
    // A wrong price is refused rather than changed: a changed price would
    // look like a real one.
    if !bounds::MONTHLY_FEN.contains(p.monthly_fen) {
        return Err(Rejection {
            path: format!("{path}.monthly_fen"),
            value: p.monthly_fen.to_string(),
            error: ActionError::OutOfRange(OutOfBounds {
                bound: bounds::MONTHLY_FEN,
                value: p.monthly_fen,
            }),
        });
    }
    c.text(&format!("{path}.note"), &bounds::NOTE_CHARS, &mut p.note)?;
    c.one_line(&format!("{path}.note"), &mut p.note)?;
    Ok(())
}

/// Checks a quote the plan carries. Its figures are refused rather than
/// changed (a changed price would look like a real one); it is the
/// sender's whatever it says.
fn quote(c: &mut Checker, path: &str, q: &mut Quote) -> Result<(), Rejection> {
    let refuse = |field: &str, value: String, error: ActionError| {
        Err(Rejection {
            path: format!("{path}.{field}"),
            value,
            error,
        })
    };
    if !is_id(&q.tier) || q.tier.chars().count() as i64 > bounds::ID_CHARS.max {
        return refuse("tier", q.tier.clone(), ActionError::BadId(q.tier.clone()));
    }
    for (field, v, bound) in [
        ("monthly_fen", Some(q.monthly_fen), bounds::MONTHLY_FEN),
        ("yearly_fen", q.yearly_fen, bounds::YEARLY_FEN),
    ] {
        if let Some(v) = v.filter(|v| !bound.contains(*v)) {
            let e = OutOfBounds { bound, value: v };
            return refuse(field, v.to_string(), ActionError::OutOfRange(e));
        }
    }
    if !is_date(&q.date) {
        return refuse("date", q.date.clone(), ActionError::BadName(q.date.clone()));
    }
    c.text(&format!("{path}.note"), &bounds::NOTE_CHARS, &mut q.note)?;
    c.one_line(&format!("{path}.note"), &mut q.note)?;
    q.from = QuoteFrom::Sender;
    Ok(())
}

/// Checks the quotes a plan carries: at most [`MAX_QUOTES`], one per tier
/// (the last one stays).
fn quotes(c: &mut Checker, qs: &mut Vec<Quote>) -> Result<(), Rejection> {
    if qs.len() > MAX_QUOTES {
        return Err(too_many("quotes", &QUOTES_BOUND, qs.len()));
    }
    for (i, q) in qs.iter_mut().enumerate() {
        quote(c, &format!("quotes[{i}]"), q)?;
    }
    let mut seen = HashSet::new();
    let before = qs.len();
    let mut kept: Vec<Quote> = qs
        .drain(..)
        .rev()
        .filter(|q| seen.insert(q.tier.clone()))
        .collect();
    kept.reverse();
    *qs = kept;
    if qs.len() < before {
        c.breach(
            "quotes",
            ActionError::DuplicateId("quotes".into()),
            "a tier had more than one quote; the last one is kept".into(),
            "同一规格有多条报价，保留最后一条".into(),
        )?;
    }
    Ok(())
}

/// Checks the plan-wide settings.
fn settings(c: &mut Checker, s: &mut Settings) -> Result<(), Rejection> {
    let mut h = i64::from(s.headroom_target_pct);
    c.bounded(
        "settings.headroom_target_pct",
        &bounds::HEADROOM_PCT,
        &mut h,
    )?;
    s.headroom_target_pct = h as u32;
    if let Some(r) = s.usd_cny_rate_milli {
        if !bounds::USD_CNY_RATE_MILLI.contains(r) {
            let e = OutOfBounds {
                bound: bounds::USD_CNY_RATE_MILLI,
                value: r,
            };
            let (en, zh) = (
                format!("{} The catalog rate is used.", e.message_en()),
                format!("{}改用目录中的汇率。", e.message_zh()),
            );
            c.breach(
                "settings.usd_cny_rate_milli",
                ActionError::OutOfRange(e),
                en,
                zh,
            )?;
            s.usd_cny_rate_milli = None;
        }
    }
    let r = &mut s.reserve;
    c.bounded_u64(
        "settings.reserve.os_mib",
        &bounds::RESERVE_OS_MIB,
        &mut r.os_mib,
    )?;
    c.bounded_u64(
        "settings.reserve.containerd_mib",
        &bounds::RESERVE_DAEMON_MIB,
        &mut r.containerd_mib,
    )?;
    c.bounded_u64(
        "settings.reserve.dockerd_mib",
        &bounds::RESERVE_DAEMON_MIB,
        &mut r.dockerd_mib,
    )?;
    c.bounded_u64(
        "settings.reserve.per_container_mib",
        &bounds::RESERVE_PER_CONTAINER_MIB,
        &mut r.per_container_mib,
    )
}

fn too_many(path: &str, what: &Bound, n: usize) -> Rejection {
    Rejection {
        path: path.to_string(),
        value: String::new(),
        error: ActionError::OutOfRange(OutOfBounds {
            bound: *what,
            value: n as i64,
        }),
    }
}

/// Checks one placement on its own (its service, numbers and knobs; not
/// its id's uniqueness or its dependencies).
fn placement_body(
    c: &mut Checker,
    path: &str,
    p: &mut Placement,
) -> Result<&'static ServiceDef, Rejection> {
    let Some(def) = catalog::service(&p.service) else {
        return Err(Rejection {
            path: format!("{path}.service"),
            value: p.service.clone(),
            error: ActionError::UnknownService(p.service.clone()),
        });
    };
    let mut n = i64::from(p.replicas);
    c.bounded(&format!("{path}.replicas"), &bounds::REPLICAS, &mut n)?;
    p.replicas = n as u32;
    c.bounded_mib(
        &format!("{path}.measured_mib"),
        &bounds::MEASURED_MIB,
        &mut p.measured_mib,
    )?;
    c.bounded_mib(
        &format!("{path}.limit_mib"),
        &bounds::LIMIT_MIB,
        &mut p.limit_mib,
    )?;
    c.bounded_mib(&format!("{path}.shm_mib"), &bounds::SHM_MIB, &mut p.shm_mib)?;
    c.bounded_mib(
        &format!("{path}.measured_cpu_millicores"),
        &bounds::MEASURED_CPU_MILLICORES,
        &mut p.measured_cpu_millicores,
    )?;
    c.text(&format!("{path}.note"), &bounds::NOTE_CHARS, &mut p.note)?;
    c.one_line(&format!("{path}.note"), &mut p.note)?;
    c.bounded_mib(
        &format!("{path}.cpu_limit_millicores"),
        &bounds::CPU_LIMIT_MILLICORES,
        &mut p.cpu_limit_millicores,
    )?;
    if let Some(image) = &p.image {
        if !is_image_ref(image) {
            c.breach(
                &format!("{path}.image"),
                ActionError::BadName(image.clone()),
                format!("{image:?} is not an image reference; dropped"),
                format!("“{image}”不是合法的镜像名，已删除"),
            )?;
            p.image = None;
        }
    }
    if p.mounts.len() > MAX_MOUNTS {
        return Err(too_many(
            &format!("{path}.mounts"),
            &MOUNTS_BOUND,
            p.mounts.len(),
        ));
    }
    if let Some(bad) = p.mounts.iter().find(|m| !is_mount(m)).cloned() {
        c.breach(
            &format!("{path}.mounts"),
            ActionError::BadName(bad.clone()),
            format!("{bad:?} is not a mount (source:/path[:ro|rw]); dropped"),
            format!("“{bad}”不是合法的挂载（源:/路径[:ro|rw]），已删除"),
        )?;
        p.mounts.retain(|m| is_mount(m));
    }
    if p.ports.len() > MAX_PORTS {
        return Err(too_many(
            &format!("{path}.ports"),
            &PORTS_BOUND,
            p.ports.len(),
        ));
    }
    if let Some(bad) = p.ports.iter().find(|x| !is_port_spec(x)).cloned() {
        c.breach(
            &format!("{path}.ports"),
            ActionError::BadName(bad.clone()),
            format!("{bad:?} is not a published port ([ip:][host:]container[/tcp|udp]); dropped"),
            format!("“{bad}”不是合法的端口发布（[IP:][主机端口:]容器端口[/tcp|udp]），已删除"),
        )?;
        p.ports.retain(|x| is_port_spec(x));
    }
    if p.command.len() > MAX_COMMAND_WORDS {
        return Err(too_many(
            &format!("{path}.command"),
            &COMMAND_BOUND,
            p.command.len(),
        ));
    }
    if let Some(bad) = p.command.iter().find(|w| !is_command_word(w)) {
        let shown: String = bad.chars().take(40).collect();
        c.breach(
            &format!("{path}.command"),
            ActionError::BadName(shown),
            format!("a word of the command is over {} characters or holds control characters; the command is dropped (the export writes the one StackFit plans)", COMMAND_WORD_CHARS.max),
            format!("命令中有一个词超过 {} 个字符或含有控制字符；已删除该命令（导出文件改写 StackFit 规划的命令）", COMMAND_WORD_CHARS.max),
        )?;
        p.command.clear();
    }
    if p.port == Some(0) {
        c.breach(
            &format!("{path}.port"),
            ActionError::BadName("0".into()),
            "port 0 dropped".into(),
            "端口 0 无效，已删除".into(),
        )?;
        p.port = None;
    }
    if p.queues.len() > MAX_QUEUES {
        return Err(too_many(
            &format!("{path}.queues"),
            &QUEUES_BOUND,
            p.queues.len(),
        ));
    }
    if let Some(bad) = p.queues.iter().find(|q| !is_queue_name(q)).cloned() {
        c.breach(
            &format!("{path}.queues"),
            ActionError::BadName(bad.clone()),
            format!("queue name {bad:?} may hold only letters, digits and ._:@-; dropped"),
            format!("队列名“{bad}”只能包含字母、数字和 ._:@-，已删除"),
        )?;
        p.queues.retain(|q| is_queue_name(q));
    }
    if p.env.len() > MAX_ENV {
        return Err(too_many(&format!("{path}.env"), &ENV_BOUND, p.env.len()));
    }
    let bad = p.env.keys().find(|k| !is_env_name(k)).cloned();
    if let Some(bad) = bad {
        c.breach(
            &format!("{path}.env"),
            ActionError::BadName(bad.clone()),
            format!("environment name {bad:?} is not a variable name; dropped"),
            format!("环境变量名“{bad}”不合法，已删除"),
        )?;
        p.env.retain(|k, _| is_env_name(k));
    }
    // A secret the export generates (a database password) is never stored.
    let secrets: Vec<String> = p
        .env
        .keys()
        .filter(|k| is_generated_secret(def, k))
        .cloned()
        .collect();
    for k in secrets {
        c.breach(
            &format!("{path}.env"),
            ActionError::SecretInPlan(k.clone()),
            format!("{k} is a secret generated at export; the value in the plan was dropped"),
            format!("{k} 是导出时生成的机密，方案里的取值已删除"),
        )?;
        p.env.remove(&k);
    }
    for (k, v) in p.env.iter_mut() {
        c.text(&format!("{path}.env.{k}"), &ENV_VALUE_CHARS, v)?;
        c.one_line(&format!("{path}.env.{k}"), v)?;
    }
    if p.secrets.len() > MAX_ENV {
        return Err(too_many(
            &format!("{path}.secrets"),
            &ENV_BOUND,
            p.secrets.len(),
        ));
    }
    let bad = p
        .secrets
        .iter()
        .find(|(k, v)| !is_env_name(k) || !is_env_name(v))
        .map(|(k, _)| k.clone());
    if let Some(bad) = bad {
        c.breach(
            &format!("{path}.secrets"),
            ActionError::BadName(bad.chars().take(40).collect()),
            format!(
                "secret {bad:?} or the variable it is read from is not a variable name; dropped"
            ),
            format!("机密“{bad}”或其来源变量名不合法，已删除"),
        )?;
        p.secrets.retain(|k, v| is_env_name(k) && is_env_name(v));
    }
    load_inputs(c, path, def, p)?;
    if p.knobs.len() > MAX_KNOBS {
        return Err(too_many(
            &format!("{path}.knobs"),
            &KNOBS_BOUND,
            p.knobs.len(),
        ));
    }
    let unknown: Vec<String> = p
        .knobs
        .keys()
        .filter(|k| def.knob(k).is_none())
        .cloned()
        .collect();
    for k in unknown {
        c.breach(
            &format!("{path}.knobs"),
            ActionError::UnknownKnob {
                service: def.id.to_string(),
                knob: k.clone(),
            },
            format!("{} has no setting {k:?}; dropped", def.id),
            format!("{} 没有参数“{k}”，已删除", def.id),
        )?;
        p.knobs.remove(&k);
    }
    for (k, v) in p.knobs.iter_mut() {
        let kd = def.knob(k).expect("unknown knobs removed above");
        c.bounded(&format!("{path}.knobs.{k}"), &Bound::of_knob(kd), v)?;
    }
    Ok(def)
}

/// A placement's load inputs: of the class its service takes (requests for
/// web services, tasks for workers; none for the rest), each number in its
/// range, the p95 no shorter than the mean. Repair drops inputs of the
/// wrong class, clamps numbers and raises the p95 to the mean.
fn load_inputs(
    c: &mut Checker,
    path: &str,
    def: &ServiceDef,
    p: &mut Placement,
) -> Result<(), Rejection> {
    use crate::fit::load::LoadClass;
    use crate::model::LoadInputs;
    let Some(mut l) = p.load else {
        return Ok(());
    };
    let lpath = format!("{path}.load");
    let class = LoadClass::of_inputs(&l);
    if LoadClass::of(def) != Some(class) {
        let takes = match LoadClass::of(def) {
            None => "",
            Some(LoadClass::Web) => "web",
            Some(LoadClass::Tasks) => "tasks",
        };
        let e = ActionError::LoadNotTaken {
            service: def.id.to_string(),
            takes,
        };
        let (en, zh) = (
            format!("{} Dropped.", e.message_en()),
            format!("{}已删除。", e.message_zh()),
        );
        c.breach(&lpath, e, en, zh)?;
        p.load = None;
        return Ok(());
    }
    for (name, bound, v) in l.fields_mut() {
        c.bounded_u64(&format!("{lpath}.{name}"), bound, v)?;
    }
    if let LoadInputs::Tasks {
        mean_ms,
        p95_ms: Some(p95),
        ..
    } = &mut l
    {
        if *p95 < *mean_ms {
            c.breach(
                &format!("{lpath}.p95_ms"),
                ActionError::OutOfRange(OutOfBounds {
                    bound: Bound::new(
                        "p95 task duration (ms)",
                        "任务耗时 p95（毫秒）",
                        *mean_ms as i64,
                        crate::model::load::TASK_MS.max,
                        bounds::Measure::Count,
                    ),
                    value: *p95 as i64,
                }),
                format!("the p95 duration {p95} ms is shorter than the mean {mean_ms} ms; set to the mean"),
                format!("耗时 p95（{p95} 毫秒）短于平均值（{mean_ms} 毫秒），已改为平均值"),
            )?;
            *p95 = *mean_ms;
        }
    }
    p.load = Some(l);
    Ok(())
}

const OPTIONS_BOUND: Bound = Bound::new(
    "options",
    "选项数",
    1,
    MAX_OPTIONS as i64,
    bounds::Measure::Count,
);
const QUOTES_BOUND: Bound = Bound::new(
    "quotes",
    "报价数",
    0,
    MAX_QUOTES as i64,
    bounds::Measure::Count,
);
const SERVERS_BOUND: Bound = Bound::new(
    "servers per option",
    "每个选项的服务器数",
    0,
    MAX_SERVERS_PER_OPTION as i64,
    bounds::Measure::Count,
);
const PLACEMENTS_BOUND: Bound = Bound::new(
    "services per option",
    "每个选项的服务数",
    0,
    MAX_PLACEMENTS_PER_OPTION as i64,
    bounds::Measure::Count,
);
const DEPENDENCIES_BOUND: Bound = Bound::new(
    "dependencies of a service",
    "每个服务的依赖数",
    0,
    MAX_DEPENDENCIES as i64,
    bounds::Measure::Count,
);
const QUEUES_BOUND: Bound = Bound::new(
    "queues of a worker",
    "每个任务进程的队列数",
    0,
    MAX_QUEUES as i64,
    bounds::Measure::Count,
);
const PORTS_BOUND: Bound = Bound::new(
    "published ports of a service",
    "每个服务发布的端口数",
    0,
    MAX_PORTS as i64,
    bounds::Measure::Count,
);
const COMMAND_BOUND: Bound = Bound::new(
    "words of a command",
    "命令的词数",
    0,
    MAX_COMMAND_WORDS as i64,
    bounds::Measure::Count,
);
const MOUNTS_BOUND: Bound = Bound::new(
    "mounts of a service",
    "每个服务的挂载数",
    0,
    MAX_MOUNTS as i64,
    bounds::Measure::Count,
);
const ENV_BOUND: Bound = Bound::new(
    "environment lines of a service",
    "每个服务的环境变量数",
    0,
    MAX_ENV as i64,
    bounds::Measure::Count,
);
const KNOBS_BOUND: Bound = Bound::new(
    "settings of a service",
    "每个服务的参数数",
    0,
    MAX_KNOBS as i64,
    bounds::Measure::Count,
);

/// Checks one option: its own fields, its servers and placements (ids
/// unique within the option), and its dependencies.
fn option(c: &mut Checker, path: &str, o: &mut PlanOption) -> Result<(), Rejection> {
    c.text(
        &format!("{path}.name"),
        &bounds::OPTION_NAME_CHARS,
        &mut o.name,
    )?;
    c.one_line(&format!("{path}.name"), &mut o.name)?;
    c.text(&format!("{path}.note"), &bounds::NOTE_CHARS, &mut o.note)?;
    c.one_line(&format!("{path}.note"), &mut o.note)?;
    price(
        c,
        &format!("{path}.quoted_monthly"),
        o.quoted_monthly.as_mut(),
    )?;
    let mut load = i64::from(o.load);
    c.bounded(&format!("{path}.load"), &bounds::LOAD, &mut load)?;
    o.load = load as u32;
    if o.servers.len() > MAX_SERVERS_PER_OPTION {
        return Err(too_many(
            &format!("{path}.servers"),
            &SERVERS_BOUND,
            o.servers.len(),
        ));
    }
    let placements: usize = o.servers.iter().map(|s| s.placements.len()).sum();
    if placements > MAX_PLACEMENTS_PER_OPTION {
        return Err(too_many(
            &format!("{path}.servers"),
            &PLACEMENTS_BOUND,
            placements,
        ));
    }
    let mut server_ids = Ids::default();
    let mut placement_ids = Ids::default();
    for (si, s) in o.servers.iter_mut().enumerate() {
        let spath = format!("{path}.servers[{si}]");
        id(
            c,
            &mut server_ids,
            &format!("{spath}.id"),
            ("server", "服务器"),
            &mut s.id,
        )?;
        c.text(
            &format!("{spath}.label"),
            &bounds::LABEL_CHARS,
            &mut s.label,
        )?;
        c.one_line(&format!("{spath}.label"), &mut s.label)?;
        if catalog::tier(&s.tier).is_none() && s.spec.is_none() {
            return Err(Rejection {
                path: format!("{spath}.tier"),
                value: s.tier.clone(),
                error: ActionError::UnknownTier(s.tier.clone()),
            });
        }
        if let Some(spec) = s.spec.as_mut() {
            c.bounded_u64(
                &format!("{spath}.spec.memory_mib"),
                &bounds::SERVER_MIB,
                &mut spec.memory_mib,
            )?;
            let mut v = i64::from(spec.vcpu);
            c.bounded(&format!("{spath}.spec.vcpu"), &bounds::VCPU, &mut v)?;
            spec.vcpu = v as u32;
        }
        c.bounded_mib(
            &format!("{spath}.usable_mib"),
            &bounds::SERVER_MIB,
            &mut s.usable_mib,
        )?;
        c.bounded_mib(
            &format!("{spath}.swap_mib"),
            &bounds::SWAP_MIB,
            &mut s.swap_mib,
        )?;
        price(c, &format!("{spath}.price"), s.price.as_mut())?;
        if let Some(a) = s.private_address.as_mut() {
            c.text(
                &format!("{spath}.private_address"),
                &bounds::ADDRESS_CHARS,
                a,
            )?;
            c.one_line(&format!("{spath}.private_address"), a)?;
        }
        for (pi, p) in s.placements.iter_mut().enumerate() {
            let ppath = format!("{spath}.placements[{pi}]");
            placement_body(c, &ppath, p)?;
            id(
                c,
                &mut placement_ids,
                &format!("{ppath}.id"),
                ("placement", "服务"),
                &mut p.id,
            )?;
        }
    }
    // Dependencies name other placements of the same option, once each.
    for (si, s) in o.servers.iter_mut().enumerate() {
        for (pi, p) in s.placements.iter_mut().enumerate() {
            let dpath = format!("{path}.servers[{si}].placements[{pi}].depends_on");
            if p.depends_on.len() > MAX_DEPENDENCIES {
                return Err(too_many(&dpath, &DEPENDENCIES_BOUND, p.depends_on.len()));
            }
            let mut seen = HashSet::new();
            let own = p.id.clone();
            let kept: Vec<String> = p
                .depends_on
                .iter()
                .filter(|d| **d != own && placement_ids.contains(d) && seen.insert(d.to_string()))
                .cloned()
                .collect();
            if kept.len() != p.depends_on.len() {
                let mut left = kept.iter().collect::<Vec<_>>();
                let gone: Vec<&String> = p
                    .depends_on
                    .iter()
                    .filter(|d| match left.iter().position(|k| k == d) {
                        Some(i) => {
                            left.remove(i);
                            false
                        }
                        None => true,
                    })
                    .collect();
                let first = gone.first().map(|d| d.to_string()).unwrap_or_default();
                c.breach(
                    &dpath,
                    ActionError::UnknownPlacement(first),
                    format!(
                        "{own} depended on unknown, repeated or its own placements ({}); dropped them",
                        gone.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>().join(", ")
                    ),
                    format!(
                        "{own} 依赖了不存在、重复或自身的服务（{}），已删除",
                        gone.iter().map(|d| d.as_str()).collect::<Vec<_>>().join("、")
                    ),
                )?;
                p.depends_on = kept;
            }
        }
    }
    Ok(())
}

/// Validates a whole plan. In [`Mode::Repair`] it returns what it changed;
/// in [`Mode::Refuse`] any breach is a [`Rejection`]. Some problems are
/// never repaired: an unknown service or tier, a price out of range, a
/// plan larger than any real one.
///
/// ```
/// use stackfit_core::edit::validate::{plan, Mode};
/// let mut p = stackfit_core::templates::get("s4").unwrap();
/// p.options[0].servers[0].placements[1].id = "postgres".into();
/// let notes = plan(&mut p, Mode::Repair).unwrap();
/// assert_eq!(p.options[0].servers[0].placements[1].id, "postgres-2");
/// assert!(notes[0].text_zh().contains("已改为“postgres-2”"));
/// ```
pub fn plan(p: &mut Plan, mode: Mode) -> Result<Vec<Note>, Rejection> {
    let mut c = Checker {
        mode,
        notes: Vec::new(),
    };
    c.text("name", &bounds::PLAN_NAME_CHARS, &mut p.name)?;
    c.one_line("name", &mut p.name)?;
    c.text("description", &bounds::NOTE_CHARS, &mut p.description)?;
    settings(&mut c, &mut p.settings)?;
    quotes(&mut c, &mut p.quotes)?;
    if p.options.len() > MAX_OPTIONS {
        return Err(too_many("options", &OPTIONS_BOUND, p.options.len()));
    }
    if p.options.is_empty() {
        c.breach(
            "options",
            ActionError::LastOption,
            "the plan had no options; added an empty one".into(),
            "方案没有任何选项，已添加一个空选项".into(),
        )?;
        p.options.push(PlanOption::new("a", "Option A"));
    }
    let mut option_ids = Ids::default();
    for (oi, o) in p.options.iter_mut().enumerate() {
        let path = format!("options[{oi}]");
        id(
            &mut c,
            &mut option_ids,
            &format!("{path}.id"),
            ("option", "选项"),
            &mut o.id,
        )?;
        option(&mut c, &path, o)?;
    }
    if let Some(b) = &p.settings.baseline_option {
        if !p.options.iter().any(|o| &o.id == b) {
            c.breach(
                "settings.baseline_option",
                ActionError::UnknownOption(b.clone()),
                format!("the baseline option {b:?} is not in the plan; the first option is the baseline"),
                format!("基准选项“{b}”不在方案中，改以第一个选项为基准"),
            )?;
            p.settings.baseline_option = None;
        }
    }
    Ok(c.notes)
}

/// Refuses a plan an action produced when it breaks a rule (the actions'
/// side of the one validator). Refuse mode changes nothing.
pub fn refuse(p: &mut Plan) -> Result<(), ActionError> {
    plan(p, Mode::Refuse).map(|_| ()).map_err(|r| r.error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Server, Settings};

    fn plan_with(placements: Vec<Placement>) -> Plan {
        let mut s = Server::new("s", "S", "aliyun-ecs-c7-large");
        s.placements = placements;
        Plan {
            quotes: Vec::new(),
            name: "t".into(),
            description: String::new(),
            settings: Settings::default(),
            options: vec![PlanOption::new("o", "O").with(s)],
        }
    }

    /// 4,000 placements all called "p" took 24 s to validate (cubic); they
    /// are renamed p, p-2, … p-4000 in one pass.
    #[test]
    fn repeated_ids_are_renamed_in_linear_time() {
        let mut p = plan_with((0..2000).map(|_| Placement::new("p", "redis")).collect());
        let notes = plan(&mut p, Mode::Repair).unwrap();
        let ids: Vec<&str> = p.options[0].servers[0]
            .placements
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids[0], "p");
        assert_eq!(ids[1], "p-2");
        assert_eq!(ids[1999], "p-2000");
        assert_eq!(notes.len(), 1999);
    }

    /// A taken "p-2" is skipped, not duplicated.
    #[test]
    fn fresh_ids_skip_taken_suffixes() {
        let mut ids = Ids::with(["p", "p-2"]);
        assert_eq!(ids.take("p"), "p-3");
        assert_eq!(ids.take("p"), "p-4");
        assert_eq!(ids.take("q"), "q");
    }

    #[test]
    fn refuse_mode_refuses_what_repair_mode_fixes() {
        let mut p = plan_with(vec![
            Placement::new("a", "redis").knob("maxmemory_mib", i64::MAX)
        ]);
        let r = plan(&mut p.clone(), Mode::Refuse).unwrap_err();
        assert_eq!(
            r.path,
            "options[0].servers[0].placements[0].knobs.maxmemory_mib"
        );
        assert!(matches!(r.error, ActionError::OutOfRange(_)));
        let notes = plan(&mut p, Mode::Repair).unwrap();
        assert_eq!(notes.len(), 1);
        assert!(p.options[0].servers[0].placements[0].knobs["maxmemory_mib"] <= 64 * 1024);
    }

    /// A mount the export would write into YAML and hand to Docker:
    /// Compose's short syntax with an absolute target, nothing else; a
    /// plan (a link, a file) carrying another has it dropped, with where.
    #[test]
    fn mounts_are_short_syntax_with_an_absolute_target() {
        for good in [
            "./pgdata:/var/lib/postgresql/data",
            "./nginx.conf:/etc/nginx/nginx.conf:ro",
            "uploads:/srv/uploads",
            "/srv/media:/media:rw,z",
            "/cache",
            "pg_data-1.v2:/var/lib/postgresql/data",
        ] {
            assert!(is_mount(good), "{good}");
        }
        for bad in [
            "",
            "data",
            "data:relative/path",
            ":/x",
            "a:/b:rx",
            "a:/b:ro:extra",
            "a b:/c",
            "a:/b\n- evil:/",
            "${HOME}:/h",
            "a:/b#c",
            "a:/b:",
            "data/sub:/x",
            "a,b:/x",
            "a:/",
        ] {
            assert!(!is_mount(bad), "{bad:?}");
        }
        assert!(!is_mount(&format!("a:/{}", "x".repeat(1024))));
        let mut p = Placement::new("db", "postgres");
        p.mounts = vec!["./pgdata:/var/lib/postgresql/data".into(), "x:y".into()];
        let mut plan = plan_with(vec![p]);
        assert!(super::plan(&mut plan.clone(), Mode::Refuse).is_err());
        let notes = super::plan(&mut plan, Mode::Repair).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "options[0].servers[0].placements[0].mounts");
        assert_eq!(
            plan.options[0].servers[0].placements[0].mounts,
            ["./pgdata:/var/lib/postgresql/data"]
        );
        let mut many = Placement::new("db", "postgres");
        many.mounts = (0..=MAX_MOUNTS).map(|i| format!("v{i}:/v{i}")).collect();
        assert!(super::plan(&mut plan_with(vec![many]), Mode::Repair).is_err());
    }

    /// A command kept from an import: a script's line breaks are fine,
    /// other control characters or an over-long word drop the whole
    /// command (a command with a word missing is another command); more
    /// words than a real command has are refused.
    #[test]
    fn a_placements_command_is_bounded() {
        assert!(is_command_word(
            "python manage.py migrate &&\n\tgunicorn shop.wsgi"
        ));
        assert!(!is_command_word("gunicorn\u{1b}[2J"));
        assert!(!is_command_word(&"x".repeat(1025)));
        let mut p = Placement::new("web", "gunicorn");
        p.command = vec!["gunicorn".into(), "shop.wsgi\u{0}".into()];
        let mut plan = plan_with(vec![p]);
        assert!(super::plan(&mut plan.clone(), Mode::Refuse).is_err());
        let notes = super::plan(&mut plan, Mode::Repair).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "options[0].servers[0].placements[0].command");
        assert!(notes[0].zh.contains("已删除该命令"), "{}", notes[0].zh);
        assert!(plan.options[0].servers[0].placements[0].command.is_empty());
        let mut long = Placement::new("web", "gunicorn");
        long.command = vec!["x".to_string(); MAX_COMMAND_WORDS + 1];
        assert!(super::plan(&mut plan_with(vec![long]), Mode::Repair).is_err());
    }

    /// A secret read from a generated variable holds two variable names,
    /// never a value; anything else is dropped, with where.
    #[test]
    fn a_placements_secrets_are_variable_names() {
        let mut p = Placement::new("web", "gunicorn");
        p.secrets
            .insert("DB_PASSWORD".into(), "SHOP_PASSWORD".into());
        p.secrets.insert("API_KEY".into(), "s3cr3t value".into());
        let mut plan = plan_with(vec![p]);
        assert!(super::plan(&mut plan.clone(), Mode::Refuse).is_err());
        let notes = super::plan(&mut plan, Mode::Repair).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "options[0].servers[0].placements[0].secrets");
        let kept = &plan.options[0].servers[0].placements[0].secrets;
        assert_eq!(kept.len(), 1);
        assert_eq!(
            kept.get("DB_PASSWORD").map(String::as_str),
            Some("SHOP_PASSWORD")
        );
    }

    /// A published port the export writes as it is: Compose's short syntax.
    #[test]
    fn published_ports_are_short_syntax() {
        for good in [
            "80",
            "8080:80",
            "127.0.0.1:5432:5432",
            "127.0.0.1::80",
            "514:514/udp",
            "3000-3005:3000-3005",
            "3000-3000:3000",
            "[::1]:6379:6379",
            "[FD00:0::1]:80:80",
            "[::]:80:80",
            "0.0.0.0:80:80",
        ] {
            assert!(is_port_spec(good), "{good}");
        }
        for bad in [
            "",
            "0",
            "65536:80",
            "80:",
            "a:80",
            "8080:80/http",
            "1.2.3.4:5:6:7",
            "[::1]80",
            "80\n- 22:22",
            "${PORT}:80",
            "[]:80:80",
            // Addresses Docker cannot parse ("invalid IP address").
            "999.1.1.1:80:80",
            "1.2:80:80",
            "010.0.0.1:80:80",
            "[:::]:80:80",
            "[fd00::g]:80:80",
            "[fe80::1%eth0]:80:80",
            // Docker refuses a range that runs backwards.
            "90-80:90-80",
        ] {
            assert!(!is_port_spec(bad), "{bad:?}");
        }
        let mut p = Placement::new("web", "nginx");
        p.ports = vec!["8080:80".into(), "http".into()];
        let mut plan = plan_with(vec![p]);
        let notes = super::plan(&mut plan, Mode::Repair).unwrap();
        assert_eq!(notes[0].path, "options[0].servers[0].placements[0].ports");
        assert_eq!(plan.options[0].servers[0].placements[0].ports, ["8080:80"]);
    }

    /// U+2028 in a label is a line break to YAML: it never reaches a file.
    #[test]
    fn line_breaks_and_controls_leave_names() {
        let mut p = plan_with(vec![]);
        p.options[0].servers[0].label = "A\u{2028}privileged: true\u{1b}[31m".into();
        assert!(plan(&mut p.clone(), Mode::Refuse).is_err());
        plan(&mut p, Mode::Repair).unwrap();
        assert!(!p.options[0].servers[0].label.chars().any(is_unsafe_char));
    }

    #[test]
    fn plans_larger_than_any_real_one_are_refused() {
        let mut p = plan_with(
            (0..MAX_PLACEMENTS_PER_OPTION + 1)
                .map(|i| Placement::new(&format!("p{i}"), "redis"))
                .collect(),
        );
        let r = plan(&mut p, Mode::Repair).unwrap_err();
        assert_eq!(r.path, "options[0].servers");
        assert!(
            r.error.message_zh().contains("每个选项的服务数"),
            "{}",
            r.error.message_zh()
        );
    }
}

#[cfg(test)]
mod template_tests {
    use super::*;

    /// Every built-in plan passes the validator unchanged.
    #[test]
    fn templates_pass_the_validator() {
        for t in crate::templates::list() {
            for lang in [crate::findings::Lang::En, crate::findings::Lang::Zh] {
                let mut p = crate::templates::get_in(t.id, lang).unwrap();
                refuse(&mut p).unwrap_or_else(|e| panic!("{}: {e}", t.id));
            }
        }
    }

    #[test]
    fn ids_are_compose_names() {
        assert!(is_id("worker-base") && is_id("010") && is_id("true"));
        assert!(!is_id("Cache.A") && !is_id("-x") && !is_id(""));
        assert_eq!(clean_id("Cache.A", "placement"), "cache-a");
        assert_eq!(clean_id("..", "placement"), "placement");
    }
}
