//! `docker stats --no-stream` output → measured memory and CPU per
//! placement. Reads the default table, `--format "table …"` and plain
//! `--format` lines, `{{json .}}` lines, and podman's table; MiB/GiB/MB/kB/B
//! sizes, CPU in % of one core. Containers are matched to compose services
//! the way Compose names them (`<project>-<service>-<n>`, the older
//! `<project>_<service>_<n>`, or `container_name`); every container that
//! matches nothing is listed, never dropped.

use std::collections::HashMap;

use serde::Serialize;

use super::limits;
use super::note::{msg, text_of, Note, Notes, Pos};
use super::sizes::stats_mib;
use super::InputFile;
use crate::edit::{apply, ActionError};
use crate::model::bounds;
use crate::model::units::{Mib, Millicores};
use crate::model::{Action, Plan, PlanOption};

/// One container's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sample {
    pub container: String,
    /// Memory in use (not the limit), whole MiB rounded up from the bytes shown.
    pub memory_mib: Option<Mib>,
    /// CPU: 100 % of one core = 1000 millicores.
    pub cpu_millicores: Option<Millicores>,
    /// 1-based line in the capture.
    pub line: usize,
}

/// The containers of a capture, and the lines that were not containers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Samples {
    pub rows: Vec<Sample>,
    pub skipped: Vec<Note>,
}

/// How a project's containers are named: its project name (when known)
/// and each running service's name with its `container_name`, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Naming {
    pub project: Option<String>,
    pub services: Vec<(String, Option<String>)>,
}

impl Naming {
    /// The placements of an option, named by their ids (the compose
    /// service names StackFit exports), project unknown.
    pub fn of_option(option: &PlanOption) -> Naming {
        Naming {
            project: None,
            services: option
                .servers
                .iter()
                .flat_map(|s| s.placements.iter())
                .map(|p| (p.id.clone(), None))
                .collect(),
        }
    }
}

/// Measured figures for one placement, per replica.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Measured {
    pub placement: String,
    pub memory_mib: Option<Mib>,
    pub cpu_millicores: Option<Millicores>,
    /// The containers measured (one per replica).
    pub containers: Vec<String>,
}

/// A capture matched to a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatsImport {
    pub measured: Vec<Measured>,
    /// Containers that match no service: listed, not dropped.
    pub unknown: Vec<Sample>,
    pub notes: Vec<Note>,
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Cells of a table line: separated by tabs or by two or more spaces.
fn cells(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in line.split('\t') {
        let mut cur = String::new();
        let mut spaces = 0;
        for c in part.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if spaces >= 2 && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else if spaces == 1 && !cur.is_empty() {
                cur.push(' ');
            }
            spaces = 0;
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn percent(s: &str) -> Option<Millicores> {
    let n = s.trim().strip_suffix('%')?.trim();
    let (int, frac) = n.split_once('.').unwrap_or((n, ""));
    if int.is_empty()
        || int.len() > 9
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac3: String = frac.chars().chain("000".chars()).take(3).collect();
    // percent × 10 = millicores; keep hundredths of a percent.
    let hundredths: u64 = int.parse::<u64>().ok()? * 100 + frac3[..2].parse::<u64>().ok()?;
    Some(hundredths.div_ceil(10))
}

/// "38.2MiB / 1.944GiB" → 39 (the usage, rounded up).
fn usage(s: &str) -> Option<Mib> {
    let used = s.split('/').next()?.trim();
    let bytes_mib = stats_mib(used)?;
    Some(bytes_mib)
}

fn is_size(s: &str) -> bool {
    stats_mib(s).is_some() && s.chars().any(|c| c.is_ascii_alphabetic())
}

fn is_id(s: &str) -> bool {
    (s.len() == 12 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[derive(Default, Clone, Copy)]
struct Columns {
    name: Option<usize>,
    cpu: Option<usize>,
    mem: Option<usize>,
    count: usize,
}

fn header(cells: &[String]) -> Option<Columns> {
    let up: Vec<String> = cells.iter().map(|c| c.to_ascii_uppercase()).collect();
    let find = |f: &dyn Fn(&str) -> bool| up.iter().position(|c| f(c));
    let mem = find(&|c| c.starts_with("MEM USAGE") || c == "MEM" || c == "MEMORY");
    let cpu = find(&|c| c == "CPU %" || c == "CPU");
    let name = find(&|c| c == "NAME" || c == "NAMES")
        .or_else(|| find(&|c| c == "CONTAINER"))
        .or_else(|| find(&|c| c == "CONTAINER ID" || c == "ID"));
    (name.is_some() && (mem.is_some() || cpu.is_some())).then_some(Columns {
        name,
        cpu,
        mem,
        count: cells.len(),
    })
}

/// A line with no header to go by: the name is the first word that is not
/// an id, a size or a percentage; CPU is a percentage before the memory.
fn guess(line: &str) -> (Option<String>, Option<Mib>, Option<Millicores>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut mem_at = None;
    let mut mem = None;
    for (i, w) in words.iter().enumerate() {
        let first = w.split('/').next().unwrap_or(w);
        if is_size(first) && (w.contains('/') || words.get(i + 1) == Some(&"/")) {
            mem_at = Some(i);
            mem = usage(first);
            break;
        }
    }
    let cpu = words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.ends_with('%') && mem_at.is_none_or(|m| *i < m))
        .find_map(|(_, w)| percent(w));
    let names: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches(':'))
        .filter(|w| {
            !w.is_empty()
                && !w.ends_with('%')
                && !is_size(w.split('/').next().unwrap_or(w))
                && *w != "/"
                && *w != "--"
        })
        .collect();
    let name = match names.as_slice() {
        [id, n, ..] if is_id(id) => Some(n.to_string()),
        [n, ..] => Some(n.to_string()),
        [] => None,
    };
    (name, mem, cpu)
}

/// Reads a `docker stats` capture.
///
/// ```
/// use stackfit_core::import::{stats, InputFile};
/// let text = "CONTAINER ID   NAME          CPU %     MEM USAGE / LIMIT     MEM %     NET I/O       BLOCK I/O     PIDS\n\
///             b95a83497c91   shop-db-1     0.52%     38.2MiB / 1.944GiB    1.92%     1.2kB / 0B    0B / 0B       7\n";
/// let s = stats::parse(InputFile::new("stats.txt", text.as_bytes())).unwrap();
/// assert_eq!(s.rows[0].container, "shop-db-1");
/// assert_eq!((s.rows[0].memory_mib, s.rows[0].cpu_millicores), (Some(39), Some(6)));
/// ```
pub fn parse(file: InputFile) -> Result<Samples, Box<Note>> {
    let mut notes = Notes::default();
    let fid = notes.file(file.name);
    let text = text_of(file.bytes, fid, file.name)
        .map_err(|e| Box::new(notes.note(e.code, Some(e.at), None, e.m)))?;
    let lines = text.lines().count();
    if lines > limits::STATS_LINES {
        return Err(Box::new(notes.note(
            "too-many-lines",
            Some(Pos::start(fid)),
            None,
            msg(
                format!(
                    "the capture has {lines} lines; StackFit reads up to {}",
                    limits::STATS_LINES
                ),
                format!(
                    "该统计输出共有 {lines} 行，StackFit 最多读取 {} 行",
                    limits::STATS_LINES
                ),
            ),
        )));
    }
    let mut cols: Option<Columns> = None;
    let mut rows: Vec<Sample> = Vec::new();
    let mut skipped = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_ansi(raw);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = Pos::new(fid, line_no, 0);
        let (name, mem, cpu) = if line.starts_with('{') {
            match serde_json::from_str::<HashMap<String, serde_json::Value>>(line) {
                Ok(m) => {
                    let s = |k: &str| m.get(k).and_then(|v| v.as_str()).map(str::to_string);
                    (
                        s("Name").or_else(|| s("Container")).or_else(|| s("ID")),
                        s("MemUsage").and_then(|v| usage(&v)),
                        s("CPUPerc").and_then(|v| percent(&v)),
                    )
                }
                Err(_) => {
                    skipped.push(notes.note(
                        "stats-line",
                        Some(at),
                        None,
                        msg("a JSON line that cannot be read", "无法解析的 JSON 行"),
                    ));
                    continue;
                }
            }
        } else {
            let c = cells(line);
            if let Some(h) = header(&c) {
                cols = Some(h);
                continue;
            }
            match cols.filter(|h| h.count == c.len()) {
                Some(h) => (
                    h.name.and_then(|i| c.get(i)).cloned(),
                    h.mem.and_then(|i| c.get(i)).and_then(|v| usage(v)),
                    h.cpu.and_then(|i| c.get(i)).and_then(|v| percent(v)),
                ),
                None => guess(line),
            }
        };
        match name {
            Some(n) if mem.is_some() || cpu.is_some() => {
                rows.retain(|r| r.container != n);
                rows.push(Sample {
                    container: n,
                    memory_mib: mem,
                    cpu_millicores: cpu,
                    line: line_no,
                });
            }
            Some(n) => skipped.push(notes.note(
                "stats-line",
                Some(at),
                None,
                msg(
                    format!("{n}: no memory or CPU figure (a stopped container?)"),
                    format!("{n}：没有内存或 CPU 数据（容器已停止？）"),
                ),
            )),
            None => skipped.push(notes.note(
                "stats-line",
                Some(at),
                None,
                msg(
                    "a line that is not a container's figures",
                    "这一行不是容器的统计数据",
                ),
            )),
        }
    }
    if rows.is_empty() {
        return Err(Box::new(notes.note(
            "no-containers",
            Some(Pos::start(fid)),
            None,
            msg(
                "no container figures found: paste the output of docker stats --no-stream",
                "没有找到容器数据：请粘贴 docker stats --no-stream 的输出",
            ),
        )));
    }
    Ok(Samples { rows, skipped })
}

/// The compose service a container belongs to.
fn service_of<'n>(container: &str, naming: &'n Naming) -> Option<&'n str> {
    if let Some((s, _)) = naming
        .services
        .iter()
        .find(|(_, c)| c.as_deref() == Some(container))
    {
        return Some(s);
    }
    let base = match container.rsplit_once(['-', '_']) {
        Some((b, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => b,
        _ => container,
    };
    let names = naming.services.iter().map(|(s, _)| s.as_str());
    if let Some(p) = &naming.project {
        return names
            .clone()
            .find(|s| base == format!("{p}-{s}") || base == format!("{p}_{s}"))
            .or_else(|| names.clone().find(|s| container == *s));
    }
    names
        .filter(|s| {
            base == *s || base.ends_with(&format!("-{s}")) || base.ends_with(&format!("_{s}"))
        })
        .max_by_key(|s| s.len())
}

/// Matches a capture's containers to a project's services: per-replica
/// memory and CPU (the mean over its containers, rounded up).
pub fn import(samples: &Samples, naming: &Naming) -> StatsImport {
    let mut by: Vec<(String, Vec<&Sample>)> = Vec::new();
    let mut out = StatsImport {
        notes: samples.skipped.clone(),
        ..StatsImport::default()
    };
    for s in &samples.rows {
        match service_of(&s.container, naming) {
            Some(svc) => match by.iter_mut().find(|(n, _)| n == svc) {
                Some((_, v)) => v.push(s),
                None => by.push((svc.to_string(), vec![s])),
            },
            None => out.unknown.push(s.clone()),
        }
    }
    for (placement, list) in by {
        let mean = |f: &dyn Fn(&Sample) -> Option<u64>| {
            let v: Vec<u64> = list.iter().filter_map(|s| f(s)).collect();
            (!v.is_empty()).then(|| {
                v.iter()
                    .fold(0u64, |a, b| a.saturating_add(*b))
                    .div_ceil(v.len() as u64)
            })
        };
        out.measured.push(Measured {
            memory_mib: mean(&|s| s.memory_mib).map(|m| m.min(bounds::MEASURED_MIB.max as u64)),
            cpu_millicores: mean(&|s| s.cpu_millicores)
                .map(|c| c.min(bounds::MEASURED_CPU_MILLICORES.max as u64)),
            containers: list.iter().map(|s| s.container.clone()).collect(),
            placement,
        });
    }
    for u in &out.unknown {
        out.notes.push(Note {
            code: "unknown-container",
            at: None,
            service: None,
            en: format!(
                "container {} (line {}) matches no service of the plan; not applied",
                u.container, u.line
            ),
            zh: format!(
                "容器 {}（第 {} 行）与方案中的服务都不匹配，未应用",
                u.container, u.line
            ),
        });
    }
    out
}

/// The measured figures as one undoable action on `option`: every measured
/// placement the option has (others are left out, never an error).
pub fn action(option: &PlanOption, import: &StatsImport) -> Action {
    let mut actions = Vec::new();
    for m in &import.measured {
        if option.find_placement(&m.placement).is_none() {
            continue;
        }
        if let Some(mib) = m.memory_mib {
            actions.push(Action::SetMeasured {
                option: option.id.clone(),
                placement: m.placement.clone(),
                mib: Some(mib),
            });
        }
        if let Some(c) = m.cpu_millicores {
            actions.push(Action::SetMeasuredCpu {
                option: option.id.clone(),
                placement: m.placement.clone(),
                millicores: Some(c),
            });
        }
    }
    Action::Batch { actions }
}

/// Sets `measured_mib` and `measured_cpu_millicores` on the placements of
/// option `option` that the capture measured; all or nothing.
pub fn apply_to(plan: &mut Plan, option: &str, import: &StatsImport) -> Result<(), ActionError> {
    let a = match plan.option(option) {
        Some(o) => action(o, import),
        None => return Err(ActionError::UnknownOption(option.to_string())),
    };
    apply(plan, &a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_usage_read_what_docker_prints() {
        assert_eq!(percent("0.00%"), Some(0));
        assert_eq!(percent("12.34%"), Some(124));
        assert_eq!(percent("250.5%"), Some(2505));
        assert_eq!(percent("--"), None);
        assert_eq!(usage("38.2MiB / 1.944GiB"), Some(39));
        assert_eq!(usage("1.5GiB / 4GiB"), Some(1536));
        assert_eq!(usage("--"), None);
    }

    #[test]
    fn names_match_compose_v1_v2_and_container_name() {
        let n = Naming {
            project: None,
            services: vec![
                ("web".into(), None),
                ("api-web".into(), None),
                ("db".into(), Some("pg-main".into())),
            ],
        };
        assert_eq!(service_of("shop-web-1", &n), Some("web"));
        assert_eq!(service_of("shop_web_2", &n), Some("web"));
        assert_eq!(service_of("shop-api-web-1", &n), Some("api-web"));
        assert_eq!(service_of("pg-main", &n), Some("db"));
        assert_eq!(service_of("other", &n), None);
        let p = Naming {
            project: Some("shop".into()),
            ..n
        };
        assert_eq!(service_of("shop-web-1", &p), Some("web"));
        assert_eq!(service_of("blog-web-1", &p), None);
    }
}
