//! What an export is for: the plan, option and server, with their reports,
//! and how the server's placements reach the other servers.

use crate::model::{Placement, Plan, PlanOption, Server};
use crate::report::{OptionReport, PlacementReport, Report, ServerReport};

/// The plan, option and server an export is for, with their reports.
pub(super) struct Target<'a> {
    pub(super) plan: &'a Plan,
    pub(super) option: &'a PlanOption,
    pub(super) option_report: &'a OptionReport,
    pub(super) server_index: usize,
    pub(super) server: &'a Server,
    pub(super) server_report: &'a ServerReport,
    pub(super) placements: Vec<(&'a Placement, &'a PlacementReport)>,
}

impl<'a> Target<'a> {
    pub(super) fn new(
        plan: &'a Plan,
        report: &'a Report,
        option: &str,
        server: &str,
    ) -> Option<Self> {
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
    pub(super) fn find(&self, id: &str) -> Option<(usize, &'a Placement)> {
        self.option.find_placement(id)
    }

    /// Ids on server `si` that placements on this server depend on.
    pub(super) fn outgoing_to(&self, si: usize) -> Vec<&'a str> {
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
    pub(super) fn reached_from_elsewhere(&self) -> Vec<&'a Placement> {
        self.server
            .placements
            .iter()
            .filter(|p| !self.dependents_elsewhere(p).is_empty())
            .collect()
    }

    /// (server, placement) pairs on other servers that depend on `p`.
    pub(super) fn dependents_elsewhere(&self, p: &Placement) -> Vec<(&'a Server, &'a Placement)> {
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
