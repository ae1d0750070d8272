//! MySQL and MariaDB: buffer pool + performance_schema + connections ×
//! per-connection buffers; the buffer pool a limit holds; `mysqld --…` flags.

use serde::Serialize;

use super::knobs::{knob, CPU_IDLE_DB, ON_OFF};
use super::{Cx, Kind, Raw, Run, Setting, Suggestion, Tuned, Tuning};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;

const GIB64: i64 = 64 * 1024;

#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("buffer_pool_mib", "innodb_buffer_pool_size", "InnoDB 缓冲池", Mib, 128, GIB64, "MySQL default 128M", MYSQL_DEFAULTS),
    knob("performance_schema", "performance_schema", "performance_schema", ON_OFF, 1, 1, "on by default", MYSQL_DEFAULTS),
    knob("performance_schema_mib", "performance_schema memory", "performance_schema 内存", Mib, 250, GIB64, "≈ 250 MB when on", MYSQL_PS),
    knob("max_connections", "max_connections", "最大连接数", Count, 151, 10_000, "MySQL default", MYSQL_DEFAULTS),
    knob("connections", "Open connections (typical)", "平时打开的连接数", Count, 10, 10_000, "connections open in normal use", PLANNER),
    knob("per_connection_mib", "Memory per connection", "每个连接的内存", Mib, 2, 1024, "thread_stack 1M + sort/join/read buffers ≈ 0.9M", MYSQL_DEFAULTS),
    knob("base_mib", "Base server", "基础进程", Mib, 30, 4096, "idle 8.0 container ≈ 400 MB minus P_S and buffer pool", MYSQL_IDLE),
    CPU_IDLE_DB,
];

pub struct Mysql;

/// The settings a MySQL container is started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MysqlTuned {
    pub buffer_pool_mib: Mib,
    pub performance_schema: bool,
    pub max_connections: u64,
}

impl MysqlTuned {
    pub fn settings(&self) -> Vec<Setting> {
        let plan = ("the plan's value", "方案中的取值");
        vec![
            Setting::new(
                "--innodb-buffer-pool-size",
                format!("{}M", self.buffer_pool_mib),
                plan,
            ),
            Setting::new(
                "--performance-schema",
                if self.performance_schema { "ON" } else { "OFF" }.into(),
                plan,
            ),
            Setting::new("--max-connections", self.max_connections.to_string(), plan),
        ]
    }
}

impl Kind for Mysql {
    /// Load adds open client connections (each a thread with its buffers).
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("connections", cx.knob("connections"))]
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let ps = if cx.knob("performance_schema") > 0 {
            cx.knob("performance_schema_mib")
        } else {
            0
        };
        let conns = cx
            .knob("connections")
            .saturating_mul(cx.knob("per_connection_mib"));
        let expected = cx
            .knob("base_mib")
            .saturating_add(cx.knob("buffer_pool_mib"))
            .saturating_add(ps)
            .saturating_add(conns);
        Raw::new(
            expected,
            expected.saturating_add(conns),
            cx.knob("cpu_millicores"),
        )
    }

    /// The buffer pool: half of what the limit leaves after the server,
    /// performance_schema and connections at their peak, in 128 MiB chunks
    /// (innodb_buffer_pool_chunk_size), at least 128 MiB.
    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        let ps_on = cx.knob("performance_schema") > 0;
        let ps = if ps_on {
            cx.knob("performance_schema_mib")
        } else {
            0
        };
        let conns = cx
            .knob("connections")
            .saturating_mul(cx.knob("per_connection_mib"))
            .saturating_mul(2);
        let room = limit_mib.saturating_sub(cx.knob("base_mib") + ps + conns);
        let pool = (room / 2 / 128 * 128).max(128);
        let plan = cx.knob("buffer_pool_mib");
        Tuning {
            limit_mib,
            written: Tuned::Mysql(MysqlTuned {
                buffer_pool_mib: plan,
                performance_schema: ps_on,
                max_connections: cx.knob("max_connections"),
            }),
            suggestions: Suggestion::compare("buffer_pool_mib", plan as i64, pool as i64)
                .into_iter()
                .collect(),
        }
    }

    fn run(&self, _cx: &Cx, tuned: &Tuned) -> Run {
        let mut run = Run::default();
        if let Tuned::Mysql(t) = tuned {
            run.command = t
                .settings()
                .into_iter()
                .map(|s| format!("{}={}", s.name, s.value))
                .collect();
        }
        run
    }

    fn accepts_connections(&self, cx: &Cx) -> Option<(u64, u64)> {
        // MySQL adds its one SUPER slot on top of max_connections.
        Some((cx.knob("max_connections"), 0))
    }
}
