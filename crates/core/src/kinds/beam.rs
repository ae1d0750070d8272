//! An Erlang/Elixir BEAM node (Phoenix): one OS process, tens of MiB for a
//! small app; no heap cap, so it grows until the container limit. Its port
//! table is sized from the open-file limit, so a huge `nofile` inflates it.

use super::{Cx, Kind, Raw};
use crate::model::units::Mib;

pub struct Beam;

impl Kind for Beam {
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let mut r = Raw::new(
            cx.knob("expected_mib"),
            cx.knob("peak_mib"),
            cx.knob("cpu_millicores"),
        );
        r.processes = 1;
        r
    }
}
