//! The formulas that size what lives inside a container from its memory
//! limit: PostgreSQL by PGTune, Redis maxmemory, Elasticsearch, JVM and Node
//! heaps, GOMEMLIMIT. Pure arithmetic; the kinds (`crate::kinds`) decide
//! which apply and what is written.

pub mod pgtune;

use crate::model::units::Mib;

/// Redis `maxmemory` under a limit: what is left after the empty server,
/// divided by fragmentation, and by 1 + copy-on-write when persisting
/// (redis.io: a fork may use up to 2× while saving). Never 0, which Redis
/// reads as "no limit": when the limit holds nothing beyond the empty server
/// the answer is 1 (MiB), and the Redis kind says the limit is too small.
///
/// ```
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, false, 100), 223);
/// assert_eq!(stackfit_core::tune::redis_maxmemory(256, 10, 110, true, 100), 111);
/// assert_eq!(stackfit_core::tune::redis_maxmemory(8, 10, 110, false, 100), 1);
/// ```
pub fn redis_maxmemory(
    limit_mib: Mib,
    base_mib: Mib,
    frag_pct: u64,
    persistent: bool,
    cow_pct: u64,
) -> Mib {
    redis_room(limit_mib, base_mib, frag_pct, persistent, cow_pct).max(1)
}

pub fn redis_room(
    limit_mib: Mib,
    base_mib: Mib,
    frag_pct: u64,
    persistent: bool,
    cow_pct: u64,
) -> Mib {
    let room = limit_mib.saturating_sub(base_mib).saturating_mul(100);
    let cow = if persistent {
        cow_pct.saturating_add(100)
    } else {
        100
    };
    let per = frag_pct.max(100).saturating_mul(cow) / 100;
    room / per
}

/// Memory kept free between a heap and the limit, beyond the process outside
/// the heap: allocator slack and short-lived buffers. A planner assumption.
pub const HEAP_MARGIN_MIB: Mib = 32;
/// The smallest Node old space written: a planner assumption (a trivial
/// http server runs in it; Kibana needs far more).
pub const NODE_HEAP_FLOOR_MIB: Mib = 64;
/// Elasticsearch's own minimum auto heap (MachineDependentHeap: 128 MB).
pub const ES_HEAP_FLOOR_MIB: Mib = 128;
/// The smallest JVM heap written: a planner assumption.
pub const JVM_HEAP_FLOOR_MIB: Mib = 64;

/// A heap sized for a limit: `mib`, and whether heap + what lives outside it
/// fits the limit. When it does not, `mib` is the floor and the limit must grow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heap {
    pub mib: Mib,
    pub fits: bool,
}

/// min(the rule's `share`, limit − `outside` − [`HEAP_MARGIN_MIB`]) in
/// `step` MiB steps, never below `floor`.
fn heap_within(share: Mib, limit: Mib, outside: Mib, floor: Mib, step: Mib) -> Heap {
    let room = limit.saturating_sub(outside.saturating_add(HEAP_MARGIN_MIB));
    let h = share.min(room) / step * step;
    if h >= floor {
        Heap { mib: h, fits: true }
    } else {
        Heap {
            mib: floor,
            fits: false,
        }
    }
}

/// Elasticsearch heap by Elastic's rule alone: half the limit, at most
/// 31 GiB (compressed oops), in 32 MiB steps. It ignores the off-heap; what
/// is written is [`es_heap_within`].
pub fn es_heap(limit_mib: Mib) -> Mib {
    (limit_mib / 2).min(31 * 1024) / 32 * 32
}

/// Elasticsearch heap that leaves room for the off-heap (direct buffers,
/// Lucene, threads): min(half the limit, limit − off-heap − margin), ≥ 128 MiB.
///
/// ```
/// use stackfit_core::tune::es_heap_within;
/// // 2 GiB limit, 700 MiB off-heap: 1024 would leave 1024 for 700 + margin → fine.
/// assert_eq!(es_heap_within(2048, 700).mib, 1024);
/// // 1 GiB limit: half (512) + 700 overflows; limit − 700 − 32 = 292 → 288.
/// assert_eq!(es_heap_within(1024, 700).mib, 288);
/// assert!(!es_heap_within(512, 700).fits);
/// ```
pub fn es_heap_within(limit_mib: Mib, offheap_mib: Mib) -> Heap {
    heap_within(
        es_heap(limit_mib),
        limit_mib,
        offheap_mib,
        ES_HEAP_FLOOR_MIB,
        32,
    )
}

/// JVM heap that keeps the whole JVM at 80 % of the limit (research digest
/// §2.4: MaxRAMPercentage 50–75 and total JVM ≤ 80 % of memory), ≥ 64 MiB.
pub fn jvm_heap(limit_mib: Mib, nonheap_mib: Mib, threads: u64) -> Heap {
    let share =
        (limit_mib.saturating_mul(80) / 100).saturating_sub(nonheap_mib.saturating_add(threads));
    heap_within(
        share,
        limit_mib,
        nonheap_mib + threads,
        JVM_HEAP_FLOOR_MIB,
        32,
    )
}

/// Node `--max-old-space-size` by the digest's rule alone: 75 % of the limit
/// (§2.4: 60–75 %). What is written is [`node_heap`].
pub fn node_old_space(limit_mib: Mib) -> Mib {
    limit_mib.saturating_mul(3) / 4
}

/// Node old space that leaves room for the process outside the heap:
/// min(75 % of the limit, limit − outside − margin), ≥ 64 MiB.
///
/// ```
/// use stackfit_core::tune::node_heap;
/// // Kibana (250 MiB outside the heap) under 576 MiB: not 432 but 576 − 250 − 32.
/// assert_eq!(node_heap(576, 250).mib, 294);
/// ```
pub fn node_heap(limit_mib: Mib, outside_mib: Mib) -> Heap {
    heap_within(
        node_old_space(limit_mib),
        limit_mib,
        outside_mib,
        NODE_HEAP_FLOOR_MIB,
        1,
    )
}

/// GOMEMLIMIT: 85 % of the limit (Go GC guide and Weaviate: 80–90 %).
pub fn go_memlimit(limit_mib: Mib) -> Mib {
    limit_mib.saturating_mul(85) / 100
}
