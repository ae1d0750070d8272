//! PgBouncer: a connection pooler in front of PostgreSQL. Clients open as
//! many connections as they like (up to max_client_conn); PostgreSQL sees
//! only the pool (default_pool_size). A few MiB of buffers per connection.

use super::knobs::knob;
use super::{Connections, Cx, Kind, Raw, Run};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;

#[rustfmt::skip]
pub const KNOBS: &[KnobDef] = &[
    knob("max_client_conn", "max_client_conn", "最大客户端连接数", Count, 100, 100_000, "PgBouncer default", PGBOUNCER_DOCS),
    knob("default_pool_size", "default_pool_size", "每库连接池大小", Count, 20, 10_000, "server connections per database/user pair (PgBouncer default)", PGBOUNCER_DOCS),
    knob("base_mib", "Process", "进程内存", Mib, 8, 1024, "one event-loop process; not measured", PLANNER),
    knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 10, 64_000, "an event loop forwarding queries", IDLE_CPU_S2),
];

pub struct PgBouncer;

impl Kind for PgBouncer {
    /// The process plus two 4 KiB packet buffers per client and server connection.
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let conns = cx.knob("max_client_conn") + cx.knob("default_pool_size");
        let buffers = conns.saturating_mul(8) / 1024;
        let expected = cx.knob("base_mib").saturating_add(buffers / 4);
        Raw::new(
            expected,
            cx.knob("base_mib").saturating_add(buffers),
            cx.knob("cpu_millicores"),
        )
    }

    fn run(&self, cx: &Cx, _tuned: &super::Tuned) -> Run {
        Run {
            env: vec![
                (
                    "MAX_CLIENT_CONN".into(),
                    cx.knob("max_client_conn").to_string(),
                ),
                (
                    "DEFAULT_POOL_SIZE".into(),
                    cx.knob("default_pool_size").to_string(),
                ),
                ("POOL_MODE".into(), "transaction".into()),
            ],
            ..Run::default()
        }
    }

    /// PostgreSQL sees only the pool.
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let pool = cx.knob("default_pool_size");
        Some(Connections {
            likely: processes.saturating_mul(pool),
            worst: processes.saturating_mul(pool),
            processes,
            pool,
            per_process_in_use: pool,
        })
    }

    fn accepts_connections(&self, cx: &Cx) -> Option<(u64, u64)> {
        Some((cx.knob("max_client_conn"), 0))
    }
}
