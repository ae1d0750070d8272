//! A Node.js process: what lives outside the heap plus the heap in use; the
//! old space is auto-sized from what it sees unless `--max-old-space-size`
//! is set (written as `NODE_OPTIONS`).

use super::jvm::HeapTuned;
use super::knobs::knob;
use super::{Cx, Kind, Raw, Run, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;
use crate::tune::node_heap;

const GIB64: i64 = 64 * 1024;

/// `--max-old-space-size`; 0 lets Node size it.
pub const MAX_OLD_SPACE: KnobDef = knob(
    "max_old_space_mib",
    "--max-old-space-size (0 = auto)",
    "--max-old-space-size（0 = 自动）",
    Mib,
    0,
    GIB64,
    "auto: about ¼ of memory, at most 4 GiB",
    NODE_HEAP,
);

/// Node's default old space from the memory it sees: about a quarter, at most 4 GiB.
pub fn node_auto_heap(sees: Mib) -> Mib {
    (sees / 4).min(4096)
}

pub struct Node;

impl Kind for Node {
    /// The heap comes from NODE_OPTIONS, which a flag on the command line would override.
    fn flags(&self) -> &'static [&'static str] {
        &["--max-old-space-size"]
    }

    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let set = cx.knob("max_old_space_mib");
        let heap = if set > 0 { set } else { node_auto_heap(sees) };
        let base = cx.knob("base_mib");
        // V8 cannot hold more live heap than its old space: a heap in use
        // measured on a bigger host is capped by the heap this one allows.
        let mut r = Raw::new(
            base.saturating_add(cx.knob("heap_used_mib").min(heap)),
            base.saturating_add(heap),
            cx.knob("cpu_millicores"),
        );
        r.heap_mib = Some(heap);
        r.self_sized = set == 0;
        r
    }

    /// min(75 % of the limit, limit − process outside the heap − margin).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let set = cx.knob("max_old_space_mib");
        let base = cx.knob("base_mib");
        let tuned = node_heap(limit_mib, base);
        let auto = node_auto_heap(limit_mib);
        let suggestion = if set == 0 {
            (auto + base > limit_mib).then_some(Suggestion {
                knob: "max_old_space_mib",
                plan: 0,
                tuned: tuned.mib as i64,
                risky: true,
            })
        } else {
            Suggestion::compare("max_old_space_mib", set as i64, tuned.mib as i64)
                .filter(|s| s.risky)
        };
        Tuning {
            limit_mib,
            written: Tuned::Heap(HeapTuned {
                var: "NODE_OPTIONS",
                heap_mib: (set > 0).then_some(set),
                auto_heap_mib: auto,
                value: (set > 0).then(|| format!("--max-old-space-size={set}")),
            }),
            suggestions: suggestion.into_iter().collect(),
        }
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run {
            command: cx
                .def
                .deploy
                .command
                .iter()
                .map(|s| s.to_string())
                .collect(),
            command_note: cx.def.deploy.command_note,
            ..Run::default()
        };
        if let Tuned::Heap(super::jvm::HeapTuned {
            var,
            value: Some(v),
            ..
        }) = tuned
        {
            run.env.push((var.to_string(), v.clone()));
        }
        run
    }
}
