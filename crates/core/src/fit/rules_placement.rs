//! Per-placement rules every kind shares — limits against expected and
//! peak, self-sizing runtimes, /dev/shm, tuning that would change the
//! plan's values — then the kind's own rules.

use super::footprint::Footprint;
use super::Resolved;
use crate::findings::{Finding, FindingKind as K, Fix, Severity};
use crate::kinds::DOCKER_DEFAULT_SHM_MIB;
use crate::kinds::{self, limit_for_peak, Cx, HostView, RuleCx};
use crate::model::units::format_mib;
use crate::model::{Action, Placement, PlanOption, Server, ServiceDef};
use crate::report::PlacementReport;

/// What the placement rules read of one placement.
pub(crate) struct PlacementInput<'a> {
    pub def: &'static ServiceDef,
    pub placement: &'a Placement,
    pub footprint: &'a Footprint,
    pub report: &'a PlacementReport,
    pub dependents: &'a [(&'a Placement, &'static ServiceDef)],
}

pub(crate) fn placement_rules(
    option: &PlanOption,
    server: &Server,
    r: &Resolved,
    input: &PlacementInput,
    out: &mut Vec<Finding>,
) {
    let (def, p, f) = (input.def, input.placement, input.footprint);
    let sid = server.id.as_str();
    let pid = p.id.as_str();
    let kind = kinds::kind(def.kind);
    let host = HostView {
        usable_mib: r.usable_mib,
        vcpu: r.vcpu,
        disk: server.disk,
    };
    let cx = Cx::new(def, p, host);
    let limit = input.report.per_replica.limit_mib;
    let start = out.len();

    if p.limit_mib.is_some() && f.expected_mib > limit {
        out.push(
            Finding::new(K::LimitBelowExpected, Severity::Critical, sid)
                .at(pid)
                .n("limit_mib", limit)
                .n("expected_mib", f.expected_mib)
                .fix(Some(raise_limit(option, pid, f.peak_mib))),
        );
    } else if f.peak_mib > limit
        // Redis's fork and Chromium's pages have their own findings.
        && !matches!(def.kind, crate::model::KindId::Redis)
        && f.browser_peak_mib == 0
        // A self-sizing runtime with no limit sizes its peak from the host,
        // not from the default limit; `self-sizing-no-limit` covers it, and
        // its fix (the default limit) makes it size itself to fit.
        && !f.sized_from_host
    {
        out.push(
            Finding::new(K::PeakOverLimit, Severity::Warning, sid)
                .at(pid)
                .n("peak_mib", f.peak_mib)
                .n("limit_mib", limit)
                .fix(Some(raise_limit(option, pid, f.peak_mib))),
        );
    }

    if let Some(d) = &input.report.load {
        if let (Some(knob), Some(needed), Some(plan)) = (d.knob, d.needed, d.plan) {
            if needed != plan {
                let more = needed > plan;
                let spare = d
                    .plan_expected_mib
                    .saturating_sub(d.needed_expected_mib.unwrap_or(0));
                let flight = if d.in_flight_milli == d.in_flight_p95_milli {
                    super::load::milli_words(d.in_flight_milli)
                } else {
                    format!(
                        "{}–{}",
                        super::load::milli_words(d.in_flight_milli),
                        super::load::milli_words(d.in_flight_p95_milli)
                    )
                };
                out.push(
                    Finding::new(
                        K::LoadNeedsConcurrency,
                        if more {
                            Severity::Warning
                        } else {
                            Severity::Info
                        },
                        sid,
                    )
                    .at(pid)
                    .n("needed", needed)
                    .n("plan", plan)
                    .n("spare_mib", spare)
                    .subject_in(knob, super::load::knob_name_zh(def, knob))
                    .subject_in(&flight, &flight)
                    .fix(Some(Fix::new(
                        Action::set_knob(&option.id, pid, knob, needed as i64),
                        format!("Set {knob} to {needed}, as the load needs"),
                        format!(
                            "按负载所需把{}设为 {needed}",
                            super::load::knob_name_zh(def, knob)
                        ),
                    ))),
                );
            }
        }
    }

    if let Some(ss) = def.self_sizing {
        if f.sized_from_host {
            // What the rule takes: its percent of the memory the runtime sees.
            let sized = r.usable_mib.saturating_mul(u64::from(ss.percent_of_memory)) / 100;
            out.push(
                Finding::new(K::SelfSizingNoLimit, Severity::Warning, sid)
                    .at(pid)
                    .n("host_mib", r.usable_mib)
                    .n("percent", ss.percent_of_memory)
                    .n("sized_mib", sized)
                    .n("suggested_limit_mib", f.default_limit_mib)
                    .subject(ss.rule)
                    .fix(Some(Fix::new(
                        Action::set_limit(&option.id, pid, f.default_limit_mib),
                        format!("Set a {} limit", format_mib(f.default_limit_mib)),
                        format!("设置 {} 的上限", format_mib(f.default_limit_mib)),
                    ))),
            );
        }
    }

    if let Some(need) = kind.shm_needed(&cx) {
        let shm = p.shm_mib.unwrap_or(DOCKER_DEFAULT_SHM_MIB);
        if shm < need.mib {
            out.push(
                Finding::new(K::ShmTooSmall, need.severity, sid)
                    .at(pid)
                    .n("shm_mib", shm)
                    .n("needed_mib", need.mib)
                    .subject(need.why_en)
                    .fix(Some(Fix::new(
                        Action::SetShm {
                            option: option.id.clone(),
                            placement: pid.to_string(),
                            mib: Some(need.mib),
                        },
                        format!(
                            "Set /dev/shm to {} (shm_size: {}mb)",
                            format_mib(need.mib),
                            need.mib
                        ),
                        format!(
                            "把 /dev/shm 设为 {}（shm_size: {}mb）",
                            format_mib(need.mib),
                            need.mib
                        ),
                    ))),
            );
        }
    }

    let rx = RuleCx {
        cx,
        option,
        server,
        expected_mib: f.expected_mib,
        peak_mib: f.peak_mib,
        browser_peak_mib: f.browser_peak_mib,
        limit_mib: limit,
        tuning: &input.report.tuning,
        dependents: input.dependents,
        // The derivation the evaluation already made for this placement.
        load_needed: input.report.load.as_ref().and_then(|d| d.needed),
    };
    kind.rules(&rx, out);

    // Tuning that would change the plan's values, except what a more
    // specific finding above already fixes.
    let fixed_knobs: Vec<String> = out[start..]
        .iter()
        .filter_map(|f| match f.fix.as_ref().map(|x| &x.action) {
            Some(Action::SetKnob { knob, .. }) => Some(knob.clone()),
            _ => None,
        })
        .collect();
    let rest: Vec<_> = input
        .report
        .tuning
        .suggestions
        .iter()
        .filter(|s| !fixed_knobs.iter().any(|k| k == s.knob))
        .collect();
    if !rest.is_empty() {
        let risky = rest.iter().any(|s| s.risky);
        let mut f = Finding::new(
            K::TuningDiffers,
            if risky {
                Severity::Warning
            } else {
                Severity::Info
            },
            sid,
        )
        .at(pid)
        .n("limit_mib", limit);
        let mut actions = Vec::new();
        for s in &rest {
            let (en, zh) = def
                .knob(s.knob)
                .map_or((s.knob, s.knob), |k| (k.name_en, k.name_zh));
            f = f.subject_in(
                format!("{en} {} → {}", s.plan, s.tuned),
                format!("{zh} {} → {}", s.plan, s.tuned),
            );
            actions.push(Action::SetKnob {
                option: option.id.clone(),
                placement: pid.to_string(),
                knob: s.knob.to_string(),
                value: Some(s.tuned),
            });
        }
        let action = if actions.len() == 1 {
            actions.pop().expect("one action")
        } else {
            Action::Batch { actions }
        };
        out.push(f.fix(Some(Fix::new(
            action,
            "Apply the tuned settings".into(),
            "应用调优后的设置".into(),
        ))));
    }
}

fn raise_limit(option: &PlanOption, pid: &str, peak: u64) -> Fix {
    let to = limit_for_peak(peak);
    Fix::new(
        Action::set_limit(&option.id, pid, to),
        format!("Raise the limit to {}", format_mib(to)),
        format!("把上限提高到 {}", format_mib(to)),
    )
}
