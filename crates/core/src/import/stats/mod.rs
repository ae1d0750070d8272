//! `docker stats --no-stream` output → measured memory and CPU per
//! placement. Reads the default table, `--format "table …"` and plain
//! `--format` lines, `{{json .}}` lines, and podman's table; MiB/GiB/MB/kB/B
//! sizes, CPU in % of one core. Containers are matched to compose services
//! the way Compose names them (`<project>-<service>-<n>`, the older
//! `<project>_<service>_<n>`, or `container_name`); every container that
//! matches nothing is listed, never dropped.

mod parse;

use serde::Serialize;

use super::note::Note;
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
    parse::parse(file)
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
