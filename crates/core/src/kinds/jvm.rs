//! The JVM family: a heap (set, or 25 % of what the JVM sees) plus non-heap
//! and thread stacks; Elasticsearch/OpenSearch (heap auto-sized to half of
//! what it sees, plus off-heap); Neo4j (heap and page cache). Heaps are
//! written through the variable each image reads.

use serde::Serialize;

use super::knobs::knob;
use super::{Cx, Kind, Raw, RuleCx, Run, Setting, Suggestion, Tuned, Tuning};
use crate::findings::{Finding, FindingKind as K, Fix, Severity};
use crate::model::units::{format_mib, Mib};
use crate::model::{Action, KnobDef, KnobUnit::*, Source};
use crate::sources::*;
use crate::tune::{es_heap_within, jvm_heap, Heap};

const GIB64: i64 = 64 * 1024;

/// `-Xmx`: the heap; 0 lets the runtime size it.
pub const fn heap(default: i64, note: &'static str, source: Source) -> KnobDef {
    knob(
        "heap_mib",
        "Heap (-Xmx)",
        "堆内存（-Xmx）",
        Mib,
        default,
        GIB64,
        note,
        source,
    )
}

/// What a JVM holds outside the heap.
pub const fn nonheap(default: i64, source: Source) -> KnobDef {
    knob(
        "nonheap_mib",
        "Non-heap",
        "堆外内存",
        Mib,
        default,
        GIB64,
        "metaspace, code cache, GC structures, direct buffers",
        source,
    )
}

/// The share of its maximum heap a JVM holds in normal use (a JVM commits
/// far less than -Xmx while idle or lightly loaded); the peak is the full heap.
pub const HEAP_IN_USE: KnobDef = knob(
    "heap_in_use_pct",
    "Heap in use (typical)",
    "常用堆占比",
    Percent,
    40,
    100,
    "share of the maximum heap held in normal use; the peak is the whole heap",
    JVM_HEAP_IN_USE,
);

/// Live threads, each with a 1 MiB stack.
pub const THREADS: KnobDef = knob(
    "threads",
    "Threads",
    "线程数",
    Count,
    50,
    100_000,
    "live threads, each with a 1 MiB stack",
    PLANNER,
);

/// A heap written into the variable an image reads (`ES_JAVA_OPTS`,
/// `KAFKA_HEAP_OPTS`, `JAVA_TOOL_OPTIONS`, `NODE_OPTIONS`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeapTuned {
    pub var: &'static str,
    /// The heap the plan sets; `None` lets the runtime size it from the limit.
    pub heap_mib: Option<Mib>,
    /// What the runtime picks by itself under the limit when none is set.
    pub auto_heap_mib: Mib,
    /// As written: "-Xms512m -Xmx512m", "--max-old-space-size=384".
    pub value: Option<String>,
}

impl HeapTuned {
    pub fn settings(&self) -> Vec<Setting> {
        match &self.value {
            Some(v) => vec![Setting::new(
                self.var,
                v.clone(),
                ("the plan's heap", "方案中的堆大小"),
            )],
            None => vec![Setting::new(
                "heap (auto)",
                format!("{} MiB", self.auto_heap_mib),
                (
                    "not set: the runtime sizes its heap from the container limit",
                    "未设置：由运行时按容器上限自行确定堆大小",
                ),
            )],
        }
    }
}

/// The variable a JVM image reads for its heap, and whether it takes -Xms too
/// (start scripts that read their own variable: Kafka, ZooKeeper, Logstash).
fn heap_var(cx: &Cx, fallback: &'static str) -> (&'static str, bool) {
    match cx.def.deploy.heap_env {
        Some(v) => (v, v != "JAVA_TOOL_OPTIONS" && v != "JAVA_OPTS"),
        None => (fallback, false),
    }
}

fn xmx(h: Mib, with_xms: bool) -> String {
    if with_xms {
        format!("-Xms{h}m -Xmx{h}m")
    } else {
        format!("-Xmx{h}m")
    }
}

fn heap_suggestion(plan: u64, tuned: Heap, auto_overflows: bool) -> Option<Suggestion> {
    if plan == 0 {
        auto_overflows.then_some(Suggestion {
            knob: "heap_mib",
            plan: 0,
            tuned: tuned.mib as i64,
            risky: true,
        })
    } else {
        Suggestion::compare("heap_mib", plan as i64, tuned.mib as i64).filter(|s| s.risky)
    }
}

fn run_heap(tuned: &Tuned) -> Run {
    let mut run = Run::default();
    if let Tuned::Heap(HeapTuned {
        var,
        value: Some(v),
        ..
    }) = tuned
    {
        run.env.push((var.to_string(), v.clone()));
    }
    run
}

pub struct Jvm;

impl Kind for Jvm {
    /// The heap comes from JAVA_TOOL_OPTIONS, which the command line overrides.
    fn flags(&self) -> &'static [&'static str] {
        &["-Xmx", "-Xms"]
    }

    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let set = cx.knob("heap_mib");
        let heap = if set > 0 { set } else { sees / 4 };
        let outside = cx.knob("nonheap_mib").saturating_add(cx.knob("threads"));
        let in_use = heap.saturating_mul(cx.knob_or(&HEAP_IN_USE)) / 100;
        let mut r = Raw::new(
            in_use.saturating_add(outside),
            heap.saturating_add(outside),
            cx.knob("cpu_millicores"),
        );
        r.heap_mib = Some(heap);
        r.self_sized = set == 0;
        r
    }

    /// The whole JVM at most 80 % of the limit (MaxRAMPercentage 50–75 and
    /// total ≤ 80 %, research digest §2.4).
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let (var, with_xms) = heap_var(cx, "JAVA_TOOL_OPTIONS");
        let set = cx.knob("heap_mib");
        let tuned = jvm_heap(limit_mib, cx.knob("nonheap_mib"), cx.knob("threads"));
        let auto = limit_mib / 4;
        Tuning {
            limit_mib,
            written: Tuned::Heap(HeapTuned {
                var,
                heap_mib: (set > 0).then_some(set),
                auto_heap_mib: auto,
                value: (set > 0).then(|| xmx(set, with_xms)),
            }),
            suggestions: heap_suggestion(set, tuned, false).into_iter().collect(),
        }
    }

    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        run_heap(tuned)
    }
}

/// Elasticsearch's automatic heap (MachineDependentHeap): 40 % under 1 GiB
/// (at least 128 MiB), else 50 %, at most 31 GiB.
pub fn es_auto_heap(sees: Mib) -> Mib {
    if sees < 1024 {
        (sees * 40 / 100).max(128)
    } else {
        (sees / 2).min(31 * 1024)
    }
}

pub struct Elasticsearch;

impl Kind for Elasticsearch {
    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let set = cx.knob("heap_mib");
        let heap = if set > 0 { set } else { es_auto_heap(sees) };
        let expected = heap.saturating_add(cx.knob("offheap_mib"));
        let mut r = Raw::new(expected, expected, cx.knob("cpu_millicores"));
        r.heap_mib = Some(heap);
        r.self_sized = set == 0;
        r
    }

    /// min(half the limit, limit − off-heap − margin), at least 128 MiB.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let (var, _) = heap_var(cx, "ES_JAVA_OPTS");
        let set = cx.knob("heap_mib");
        let offheap = cx.knob("offheap_mib");
        let tuned = es_heap_within(limit_mib, offheap);
        let auto = es_auto_heap(limit_mib);
        Tuning {
            limit_mib,
            written: Tuned::Heap(HeapTuned {
                var,
                heap_mib: (set > 0).then_some(set),
                auto_heap_mib: auto,
                value: (set > 0).then(|| xmx(set, true)),
            }),
            suggestions: heap_suggestion(set, tuned, auto + offheap > limit_mib)
                .into_iter()
                .collect(),
        }
    }

    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        run_heap(tuned)
    }

    fn rules(&self, rx: &RuleCx, out: &mut Vec<Finding>) {
        let heap = rx.cx.knob("heap_mib");
        if heap > 0 && heap * 2 > rx.limit_mib {
            let h = es_heap_within(rx.limit_mib, rx.cx.knob("offheap_mib")).mib;
            out.push(
                rx.finding(K::EsHeapOverHalf, Severity::Warning)
                    .n("heap_mib", heap)
                    .n("limit_mib", rx.limit_mib)
                    .n("suggested_heap_mib", h)
                    .fix(Some(Fix::new(
                        Action::SetKnob {
                            option: rx.option.id.clone(),
                            placement: rx.cx.placement.id.clone(),
                            knob: "heap_mib".into(),
                            value: Some(h as i64),
                        },
                        format!("Set the heap to {}", format_mib(h)),
                        format!("把堆内存设为 {}", format_mib(h)),
                    ))),
            );
        }
    }
}

#[rustfmt::skip]
pub const NEO4J_PAGECACHE: KnobDef = knob("pagecache_mib", "Page cache (0 = auto)", "页缓存（0 = 自动）", Mib, 0, GIB64, "auto: 50 % of available memory", NEO4J_DOCS);

pub struct Neo4j;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Neo4jTuned {
    pub heap_mib: Option<Mib>,
    pub pagecache_mib: Option<Mib>,
}

impl Neo4jTuned {
    pub fn settings(&self) -> Vec<Setting> {
        let plan = ("the plan's value", "方案中的取值");
        let mut out = Vec::new();
        if let Some(h) = self.heap_mib {
            out.push(Setting::new(
                "server.memory.heap.max_size",
                format!("{h}m"),
                plan,
            ));
        }
        if let Some(c) = self.pagecache_mib {
            out.push(Setting::new(
                "server.memory.pagecache.size",
                format!("{c}m"),
                plan,
            ));
        }
        out
    }
}

impl Kind for Neo4j {
    fn footprint(&self, cx: &Cx, sees: Mib) -> Raw {
        let (h, pc) = (cx.knob("heap_mib"), cx.knob("pagecache_mib"));
        let heap = if h > 0 { h } else { sees / 4 };
        let cache = if pc > 0 { pc } else { sees / 2 };
        let expected = heap
            .saturating_add(cache)
            .saturating_add(cx.knob("nonheap_mib"));
        let mut r = Raw::new(expected, expected, cx.knob("cpu_millicores"));
        r.heap_mib = Some(heap);
        r.self_sized = h == 0 || pc == 0;
        r
    }

    /// Heap a third of the limit; page cache the rest up to 80 % of it.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let heap = (limit_mib / 3) / 32 * 32;
        let cache = (limit_mib.saturating_mul(80) / 100)
            .saturating_sub(heap.saturating_add(cx.knob("nonheap_mib")));
        let (h, pc) = (cx.knob("heap_mib"), cx.knob("pagecache_mib"));
        let mut suggestions = Vec::new();
        let overflows = |h: u64, c: u64| h + c + cx.knob("nonheap_mib") > limit_mib;
        if h == 0 || pc == 0 || overflows(h, pc) {
            suggestions.extend(Suggestion::compare("heap_mib", h as i64, heap as i64));
            suggestions.extend(Suggestion::compare(
                "pagecache_mib",
                pc as i64,
                cache as i64,
            ));
            for s in &mut suggestions {
                s.risky = true;
            }
        }
        Tuning {
            limit_mib,
            written: Tuned::Neo4j(Neo4jTuned {
                heap_mib: (h > 0).then_some(h),
                pagecache_mib: (pc > 0).then_some(pc),
            }),
            suggestions,
        }
    }

    /// The image maps NEO4J_a_b__c to the setting a.b_c.
    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        if let Tuned::Neo4j(t) = tuned {
            for s in t.settings() {
                let name = format!("NEO4J_{}", s.name.replace('_', "__").replace('.', "_"));
                run.env.push((name, s.value));
            }
        }
        run
    }
}
