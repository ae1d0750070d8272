//! A whole import as the CLI and the planner's import dialog run it: the
//! compose files' draft plan with a `docker stats` capture's measured
//! figures applied to its placements. Both callers go through
//! [`with_stats`], so they make the same plan from the same files.

use serde::Serialize;

use super::compose::{ComposeImport, OPTION_ID};
use super::note::Note;
use super::stats::{self, StatsImport};
use super::InputFile;
use crate::model::Plan;

/// The import of compose files and a capture: the compose import, the
/// capture matched to its services, and the plan with the measured figures
/// (none when either has an error: nothing is adopted until it is fixed).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProjectImport {
    pub compose: ComposeImport,
    /// The capture's containers matched to the services (`None`: no capture).
    pub stats: Option<StatsImport>,
    /// What made the capture unusable (it could not be read, or its figures
    /// were refused), with file, line and column where known.
    pub stats_errors: Vec<Note>,
    pub plan: Option<Plan>,
}

impl ProjectImport {
    /// Whether the plan can be adopted: no error in the compose files or
    /// the capture.
    pub fn is_ok(&self) -> bool {
        self.plan.is_some() && self.compose.errors.is_empty() && self.stats_errors.is_empty()
    }
}

/// Applies a `docker stats` capture (if any) to a compose import's plan.
/// Containers are matched the way Compose names them
/// ([`ComposeImport::naming`]); the ones that match no service are listed in
/// `stats.unknown` and its notes, never dropped silently.
///
/// ```
/// use stackfit_core::import::{compose, with_stats, ComposeInput, InputFile};
/// let yml = b"name: shop\nservices:\n  db:\n    image: postgres:16\n";
/// let got = compose(&ComposeInput {
///     files: vec![InputFile::new("compose.yaml", yml)],
///     tier: "aliyun-ecs-c7-large",
///     ..Default::default()
/// });
/// let capture = b"NAME          CPU %     MEM USAGE / LIMIT\nshop-db-1     1.00%     300MiB / 3.6GiB\nother-1       0.10%     10MiB / 3.6GiB\n";
/// let all = with_stats(got, Some(InputFile::new("stats.txt", capture)));
/// let plan = all.plan.expect("no errors");
/// assert_eq!(plan.options[0].servers[0].placements[0].measured_mib, Some(300));
/// assert_eq!(all.stats.unwrap().unknown[0].container, "other-1");
/// ```
pub fn with_stats(compose: ComposeImport, capture: Option<InputFile>) -> ProjectImport {
    let mut out = ProjectImport {
        plan: compose.plan.clone(),
        ..ProjectImport::default()
    };
    if let Some(file) = capture {
        match stats::parse(file) {
            Err(note) => out.stats_errors.push(*note),
            // Containers are only matched to a project that was read: with
            // errors in the compose files, every container would be "unknown".
            Ok(_) if !compose.errors.is_empty() => {}
            Ok(samples) => {
                let matched = stats::import(&samples, &compose.naming());
                if let Some(plan) = out.plan.as_mut() {
                    if let Err(e) = stats::apply_to(plan, OPTION_ID, &matched) {
                        out.stats_errors.push(Note {
                            code: "stats-refused",
                            at: None,
                            service: None,
                            en: format!(
                                "the capture's figures were not applied: {}",
                                e.message_en()
                            ),
                            zh: format!("采样数据未能应用：{}", e.message_zh()),
                        });
                    }
                }
                out.stats = Some(matched);
            }
        }
    }
    if !out.stats_errors.is_empty() || !compose.errors.is_empty() {
        out.plan = None;
    }
    out.compose = compose;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{compose, ComposeInput};

    fn shop() -> ComposeImport {
        compose(&ComposeInput {
            files: vec![InputFile::new(
                "compose.yml",
                b"name: shop\nservices:\n  web:\n    image: nginx:1.27\n  cache:\n    image: redis:7\n",
            )],
            tier: "aliyun-ecs-c7-large",
            ..Default::default()
        })
    }

    #[test]
    fn no_capture_is_the_compose_plan() {
        let c = shop();
        let all = with_stats(c.clone(), None);
        assert!(all.is_ok());
        assert_eq!(all.plan, c.plan);
        assert!(all.stats.is_none());
    }

    #[test]
    fn a_capture_that_cannot_be_read_blocks_the_plan_and_says_where() {
        let all = with_stats(
            shop(),
            Some(InputFile::new("stats.txt", b"\x00\x01\x02 junk")),
        );
        assert!(!all.is_ok());
        assert!(all.plan.is_none());
        assert_eq!(all.stats_errors.len(), 1);
        assert!(all.stats_errors[0]
            .at
            .as_ref()
            .is_some_and(|a| a.file == "stats.txt"));
    }

    #[test]
    fn a_capture_is_not_matched_to_compose_files_with_errors() {
        let broken = compose(&ComposeInput {
            files: vec![InputFile::new("compose.yml", b"services:\n  web: [\n")],
            tier: "aliyun-ecs-c7-large",
            ..Default::default()
        });
        let capture = "NAME   CPU %   MEM USAGE / LIMIT\nshop-web-1   0.1%   10MiB / 1GiB\n";
        let all = with_stats(
            broken,
            Some(InputFile::new("stats.txt", capture.as_bytes())),
        );
        assert!(!all.is_ok() && all.stats.is_none() && all.stats_errors.is_empty());
        // A capture that cannot be read is still said to be so.
        let broken = compose(&ComposeInput::default());
        let all = with_stats(broken, Some(InputFile::new("stats.txt", b"\x00\x01")));
        assert_eq!(all.stats_errors.len(), 1);
    }

    #[test]
    fn measured_figures_land_on_the_matching_placements() {
        let capture = "CONTAINER ID   NAME           CPU %     MEM USAGE / LIMIT     MEM %     NET I/O   BLOCK I/O   PIDS\n\
                       1a2b3c4d5e6f   shop-web-1     0.10%     12.5MiB / 3.7GiB      0.33%     0B / 0B   0B / 0B     3\n\
                       3c4d5e6f7a8b   blog-db-1      1.00%     100MiB / 3.7GiB       2.6%      0B / 0B   0B / 0B     9\n";
        let all = with_stats(
            shop(),
            Some(InputFile::new("stats.txt", capture.as_bytes())),
        );
        let plan = all.plan.as_ref().expect("fits");
        let (_, web) = plan.options[0].find_placement("web").unwrap();
        assert_eq!(web.measured_mib, Some(13));
        let s = all.stats.unwrap();
        assert_eq!(s.unknown.len(), 1);
        assert!(s.notes.iter().any(|n| n.code == "unknown-container"));
    }
}
