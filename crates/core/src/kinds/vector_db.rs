//! Vector databases (Weaviate, Qdrant, Milvus): a server plus the vectors
//! it keeps in memory, ≈ objects × dimensions × 4 bytes × an index factor.
//! Go servers (Weaviate, Milvus) get GOMEMLIMIT.

use super::go::{run_gomemlimit, tune_gomemlimit};
use super::{Cx, Kind, Raw, Run, Tuned, Tuning};
use crate::model::units::Mib;

pub struct VectorDb;

impl Kind for VectorDb {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let bytes = u128::from(cx.knob("objects"))
            * u128::from(cx.knob("dimensions"))
            * 4
            * u128::from(cx.knob("vector_copies"));
        let vectors = u64::try_from(bytes >> 20).unwrap_or(u64::MAX);
        let expected = cx.knob("base_mib").saturating_add(vectors);
        let peak = expected.saturating_add(cx.knob("peak_extra_mib"));
        Raw::new(expected, peak, cx.knob("cpu_millicores"))
    }

    fn tune(&self, cx: &Cx, limit_mib: Mib) -> Tuning {
        tune_gomemlimit(cx, limit_mib)
    }

    fn run(&self, cx: &Cx, tuned: &Tuned) -> Run {
        run_gomemlimit(cx, tuned)
    }
}
