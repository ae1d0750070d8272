//! Docker Compose files, one per server of an option: each placement with its
//! memory limit from the report, the in-container settings tuned to that
//! limit, and the private address of any other server it depends on; plus
//! the matching `.env` with those addresses.
//!
//! Choices, so the files read the same way everywhere:
//! - one compose service per placement, named by the placement id; replicas
//!   are `deploy.replicas` (honoured by `docker compose up`), and `mem_limit`
//!   is per container, as the report's per-replica limit;
//! - `restart: unless-stopped` on every service, so a reboot brings the
//!   server back as planned;
//! - no `cpus:` — the report has expected CPU, not a cap, and a cap set to
//!   the expected use would throttle every burst; the expected figure is in
//!   the service's comment;
//! - process counts (`--concurrency`, workers) are the plan's knob when the
//!   plan sets one, because the report's memory and connection budget were
//!   computed with it; memory settings (maxmemory, heaps, `shared_buffers`)
//!   are the tuned ones, derived from the limit written next to them;
//! - a dependency on the same server is compose's `depends_on:` plus
//!   `<DEP>_HOST: <service>`; one on another server is `<DEP>_HOST:` that
//!   server's private address, and the server it lives on publishes the
//!   default port on its private address only, never on every interface.

use super::address::{address, default_port};
use super::run::{cores, run_of, runs_your_code};
use super::{comment_text, env_name, mem_size, yaml_key, yaml_scalar};
use crate::catalog;
use crate::model::{Placement, Plan, PlanOption, Server};
use crate::report::{OptionReport, PlacementReport, Report, ServerReport, Severity};

/// The docker-compose YAML for server `server` of option `option`: one
/// service per placement with its image, tuned command or environment,
/// `mem_limit`, `shm_size`, same-server `depends_on`, and `<DEP>_HOST`
/// variables for every dependency (the service name on this server, the
/// other server's private address across servers).
///
/// `None` when the option or server is not in the plan, or the report is not
/// this plan's (a placement without its numbers).
///
/// ```
/// use stackfit_core::{evaluate, export, templates};
/// let plan = templates::get("s4").unwrap();
/// let report = evaluate(&plan);
/// let b = export::compose(&plan, &report, "as-planned", "b").unwrap();
/// // B's workers reach A's PostgreSQL over the private network…
/// assert!(b.contains("POSTGRES_HOST: \"${SERVER_A_PRIVATE_ADDRESS:?set it in .env}\""));
/// // …with the report's limit for each container.
/// assert!(b.contains("mem_limit: 2432m"));
/// assert!(export::compose(&plan, &report, "as-planned", "z").is_none());
/// ```
pub fn compose(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    let t = Target::new(plan, report, option, server)?;
    let mut out = String::new();
    header(&mut out, &t, "docker-compose.yml", true);
    let sr = t.server_report;
    if !sr.findings.is_empty() {
        let ids: Vec<&str> = sr
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.id())
            .collect();
        if !ids.is_empty() {
            out.push_str(&format!(
                "# findings: {} (`stackfit evaluate` gives each with its fix)\n",
                ids.join(", ")
            ));
        }
    }
    out.push_str(
        "# mem_limit is per container. cpus is left out: the CPU in each comment is typical\n\
         # use, and a cap at that figure would throttle every burst.\n\
         # Images carry no version tag: pin the versions you run.\n",
    );
    if t.server.placements.is_empty() {
        out.push_str("services: {}\n");
        return Some(out);
    }
    out.push_str("services:\n");
    for (p, pr) in &t.placements {
        service(&mut out, &t, p, pr);
    }
    Some(out)
}

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

pub(super) fn header(out: &mut String, t: &Target, file: &str, numbers: bool) {
    let sr = t.server_report;
    out.push_str(&format!(
        "# {file} for server {} \"{}\", option {} \"{}\"\n",
        comment_text(&t.server.id),
        comment_text(&t.server.label),
        comment_text(&t.option.id),
        comment_text(&t.option.name)
    ));
    out.push_str(&format!("# plan: {}\n", comment_text(&t.plan.name)));
    if !numbers {
        out.push_str("# generated by StackFit from the plan: change the plan and export again.\n");
        return;
    }
    out.push_str(&format!(
        "# tier: {}, {} vCPU, {} MiB ({} MiB usable)\n",
        comment_text(&sr.tier),
        sr.vcpu,
        sr.capacity_mib,
        sr.usable_mib
    ));
    out.push_str(&format!(
        "# verdict: {} (option: {}); typical {} MiB, peak {} MiB, limits {} MiB of {} MiB allocatable, headroom {} MiB\n",
        sr.verdict.name_en(),
        t.option_report.verdict.name_en(),
        sr.expected_mib,
        sr.peak_mib,
        sr.limit_mib,
        sr.allocatable_mib,
        sr.headroom_mib
    ));
    out.push_str("# generated by StackFit from the plan and its fit report: change the plan and export again.\n");
}

fn service(out: &mut String, t: &Target, p: &Placement, pr: &PlacementReport) {
    let def = catalog::service(&p.service);
    let limit = pr.per_replica.limit_mib;
    let run = run_of(t, p, def, pr);

    out.push_str(&format!("  {}:\n", yaml_key(&p.id)));
    let name = def.map_or(p.service.as_str(), |d| d.name_en);
    let basis = match pr.basis {
        crate::report::Basis::Measured => "measured",
        crate::report::Basis::Sourced { .. } => "sourced",
        crate::report::Basis::Assumed => "assumed",
    };
    let n = pr.replicas;
    out.push_str(&format!(
        "    # {}: {} MiB typical, {} MiB peak ({basis}), CPU {} vCPU{}\n",
        comment_text(name),
        pr.per_replica.expected_mib,
        pr.per_replica.peak_mib,
        cores(pr.per_replica.cpu_millicores),
        if n > 1 { ", per replica" } else { "" }
    ));
    if !p.note.is_empty() {
        out.push_str(&format!("    # {}\n", comment_text(&p.note)));
    }
    for note in &run.notes {
        out.push_str(&format!("    # {}\n", comment_text(note)));
    }

    if runs_your_code(def) {
        let base = def
            .and_then(|d| d.images.first())
            .map(|i| format!(" (e.g. built on {i})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "    image: your-image  # set this: your app's image{base}\n"
        ));
    } else if let Some(image) = def.and_then(|d| d.images.first()) {
        out.push_str(&format!("    image: {}\n", yaml_scalar(image)));
    }
    out.push_str("    restart: unless-stopped\n");

    if !run.command.is_empty() {
        match run.command_note {
            Some((note, _)) => out.push_str(&format!("    command:  # {note}\n")),
            None => out.push_str("    command:\n"),
        }
        for c in &run.command {
            out.push_str(&format!("      - {}\n", yaml_scalar(c)));
        }
    }

    // Dependencies: the service name here, the other server's address there.
    let mut env: Vec<(String, String)> = Vec::new();
    let mut local: Vec<&str> = Vec::new();
    let mut remote: Vec<(usize, &str)> = Vec::new();
    let mut missing: Vec<&str> = Vec::new();
    for d in &p.depends_on {
        match t.find(d) {
            Some((si, dp)) if si == t.server_index => {
                local.push(&dp.id);
                env.push((format!("{}_HOST", env_name(&dp.id)), dp.id.clone()));
            }
            Some((si, dp)) => {
                remote.push((si, &dp.id));
                env.push((
                    format!("{}_HOST", env_name(&dp.id)),
                    address(&t.option.servers[si]),
                ));
            }
            None => missing.push(d),
        }
    }
    env.extend(run.env.iter().cloned());
    if !env.is_empty() || !missing.is_empty() {
        out.push_str("    environment:\n");
        let mut servers: Vec<usize> = remote.iter().map(|(si, _)| *si).collect();
        servers.dedup();
        for si in servers {
            let s = &t.option.servers[si];
            let ids: Vec<&str> = remote
                .iter()
                .filter(|(x, _)| *x == si)
                .map(|(_, id)| *id)
                .collect();
            out.push_str(&format!(
                "      # {} on server {} ({}): reached over the private network\n",
                comment_text(&ids.join(", ")),
                env_name(&s.id),
                comment_text(&s.label)
            ));
        }
        for d in &missing {
            out.push_str(&format!(
                "      # depends on {}, which is not in this option\n",
                comment_text(d)
            ));
        }
        for (k, v) in &env {
            out.push_str(&format!("      {}: {}\n", yaml_key(k), yaml_scalar(v)));
        }
    }
    if !local.is_empty() {
        out.push_str("    depends_on:\n");
        for d in &local {
            out.push_str(&format!("      - {}\n", yaml_scalar(d)));
        }
    }

    // Published on this server's private address for dependents elsewhere.
    let dependents = t.dependents_elsewhere(p);
    if !dependents.is_empty() {
        let mut who: Vec<String> = Vec::new();
        for (s, _) in &dependents {
            let name = format!("server {}", env_name(&s.id));
            if !who.contains(&name) {
                who.push(name);
            }
        }
        let users: Vec<&str> = dependents.iter().map(|(_, q)| q.id.as_str()).collect();
        out.push_str(&format!(
            "    # reached from {} by {}\n",
            who.join(", "),
            comment_text(&users.join(", "))
        ));
        match default_port(&p.service) {
            Some(port) => {
                out.push_str(
                    "    ports:  # on the private address only; let the firewall admit the private network\n",
                );
                out.push_str(&format!(
                    "      - {}\n",
                    yaml_scalar(&format!("{}:{port}:{port}", address(t.server)))
                ));
            }
            None => out.push_str("    # publish its port on this server's private address\n"),
        }
    }

    if n > 1 {
        out.push_str(&format!("    deploy:\n      replicas: {n}\n"));
    }
    let default_note = if pr.limit_is_default {
        "  # StackFit's default limit: the plan sets none"
    } else {
        ""
    };
    out.push_str(&format!(
        "    mem_limit: {}{default_note}\n",
        mem_size(limit)
    ));
    if let Some(shm) = p.shm_mib {
        out.push_str(&format!("    shm_size: {}\n", mem_size(shm)));
    }
}
