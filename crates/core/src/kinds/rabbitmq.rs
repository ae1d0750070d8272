//! RabbitMQ: the Erlang VM plus messages held in memory, which Erlang's
//! garbage collector can briefly double; publishers are blocked at a
//! watermark it sizes from the memory it detects — set it absolute.

use serde::Serialize;

use super::knobs::{knob, CPU_IDLE_DB};
use super::{Cx, Kind, Raw, Run, Setting, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;

const GIB64: i64 = 64 * 1024;

#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("base_mib", "Erlang VM and plugins", "Erlang 虚拟机与插件", Mib, 150, GIB64, "not measured", PLANNER),
    knob("queue_mib", "Messages in memory (typical)", "内存中的消息（平时）", Mib, 64, GIB64, "queued messages held in RAM", PLANNER),
    knob("watermark_pct", "vm_memory_high_watermark", "内存高水位线", Percent, 40, 100, "0.4 of detected RAM: the 3.13 default; set 60 for 4.x images (default 0.6)", RABBITMQ_DOCS),
    CPU_IDLE_DB,
];

pub struct Rabbitmq;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RabbitTuned {
    /// The watermark as an absolute size: the plan's share of the limit.
    pub watermark_mib: Mib,
}

impl RabbitTuned {
    pub fn settings(&self) -> Vec<Setting> {
        vec![Setting::new(
            "vm_memory_high_watermark.absolute",
            format!("{}MiB", self.watermark_mib),
            (
                "the plan's watermark share of the limit, absolute: RabbitMQ may not detect a cgroup limit",
                "按方案的高水位比例乘以上限，写成绝对值：RabbitMQ 未必能识别 cgroup 上限",
            ),
        )]
    }
}

impl Kind for Rabbitmq {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let base = cx.knob("base_mib");
        let queue = cx.knob("queue_mib");
        let mut r = Raw::new(
            base.saturating_add(queue),
            base.saturating_add(queue.saturating_mul(2)),
            cx.knob("cpu_millicores"),
        );
        r.self_sized = true;
        r
    }

    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        Tuning {
            limit_mib,
            written: Tuned::Rabbitmq(RabbitTuned {
                watermark_mib: limit_mib.saturating_mul(cx.knob("watermark_pct")) / 100,
            }),
            suggestions: Vec::new(),
        }
    }

    /// The official image reads extra Erlang arguments from this variable;
    /// `-rabbit vm_memory_high_watermark {absolute,…}` sets the watermark.
    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        if let Tuned::Rabbitmq(t) = tuned {
            run.env.push((
                "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS".into(),
                format!(
                    "-rabbit vm_memory_high_watermark {{absolute,\"{}MiB\"}}",
                    t.watermark_mib
                ),
            ));
        }
        run
    }
}
