//! What a placement runs: its image choice, and the command and environment
//! its tuning turns into (maxmemory, heaps, shared_buffers, worker counts).

use super::mem_size;
use super::target::Target;
use crate::kinds::{self, Cx, HostView, Run};
use crate::model::{Category, KindId, Placement, ServiceDef};
use crate::report::PlacementReport;

/// True when the catalog's images are bases for the user's own code (or
/// there are none): the compose file then names a placeholder image.
pub(super) fn runs_your_code(def: Option<&ServiceDef>) -> bool {
    def.is_none_or(|d| {
        d.images.is_empty()
            || matches!(
                d.category,
                Category::Runtime | Category::Browser | Category::Custom
            )
            || matches!(
                d.kind,
                KindId::PythonWeb | KindId::CeleryPrefork | KindId::CeleryGevent
            )
    })
}

/// The command, environment and notes a placement's settings turn into:
/// what its kind writes for the settings the report holds.
pub(super) fn run_of(
    t: &Target,
    p: &Placement,
    def: Option<&ServiceDef>,
    pr: &PlacementReport,
) -> Run {
    let Some(def) = def else {
        return Run::default();
    };
    let host = HostView {
        usable_mib: t.server_report.usable_mib,
        vcpu: t.server_report.vcpu,
    };
    let mut run = kinds::kind(def.kind).run(&Cx::new(def, p, host), &pr.tuning.written);
    for s in pr.tuning.written.settings().iter().filter(|s| s.too_small) {
        run.notes.push(format!("{}: {}", s.name, s.rule_en));
    }
    for s in &pr.tuning.suggestions {
        run.notes.push(format!(
            "the plan holds {} {}; tuned for the {} limit it would be {} (a finding offers the fix)",
            s.knob,
            s.plan,
            mem_size(pr.tuning.limit_mib),
            s.tuned
        ));
    }
    run
}

pub(super) fn cores(millicores: u64) -> String {
    let whole = millicores / 1000;
    let frac = millicores % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{:03}", frac)
            .trim_end_matches('0')
            .to_string()
    }
}
