//! An Erlang/Elixir BEAM node (Phoenix): one OS process, tens of MiB for a
//! small app; no heap cap, so it grows until the container limit. Its port
//! table is sized from the open-file limit, so a huge `nofile` inflates it.

use super::{Cx, Kind, Raw};
use crate::model::units::Mib;

/// The open-file limit a BEAM image's compose service gets (`ulimits:
/// nofile`, soft = hard). The runtime sizes its port table from the
/// open-file limit (https://github.com/erlang/otp/pull/2908: the limit "is
/// also used as the size of the port table"); its default on Unix is 65536
/// ports (https://github.com/erlang/otp/pull/10364; the same figure in
/// https://github.com/docker-library/rabbitmq/issues/545). At 65536 the table
/// is the default size, whatever the daemon passes (2^30 on some hosts),
/// which is what the catalog's measured figures had. Public stacks pin the
/// same value for the same reason: musicbrainz-docker for RabbitMQ
/// (https://github.com/metabrainz/musicbrainz-docker/pull/258) and TeslaMate
/// in its entrypoint (https://github.com/teslamate-org/teslamate/pull/5025).
pub const NOFILE: u32 = 65_536;

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
