//! The host ports each placement publishes, and the pairs on one server
//! that publish the same one: Docker starts the first container and
//! refuses the second ("port is already allocated"). The evaluation
//! reports the pairs (a finding, `host-port-clash`) and the exporters
//! write the same ports from [`planned`], so the planner's warning and the
//! file's ports cannot disagree.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::model::{Placement, PlanOption, Server, ServiceDef};
use crate::report::PortClash;

/// A port the planner publishes for a placement (besides what an imported
/// compose file published, which the placement keeps as it was).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The port, on the host as in the container; `None`: a port nobody
    /// knows yet, which `.env` sets (a public service of your own image).
    pub port: Option<u16>,
    pub on: On,
}

/// Where a planned port is bound on the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// Every interface: a public service.
    Every,
    /// The server's private address only: a service another server of the
    /// option reaches.
    Private,
}

/// What the planner publishes for placement `p` on server `si`: a public
/// service its ports on every interface; one that another
/// server reaches, its port on this server's private address (`reached`
/// with no port known: nothing, and the exporter says so). A port the
/// compose file already published on an overlapping address is not
/// published again. `bind` is the server's private address as the file
/// writes it ([`private_bind`]).
pub fn planned(
    reached: &Reached,
    si: usize,
    bind: &str,
    p: &Placement,
    def: Option<&ServiceDef>,
) -> Publish {
    let reached = reached.elsewhere(&p.id, si);
    let mut ports = Vec::new();
    let private = !p.public && reached;
    let mut unpublished = false;
    if p.public {
        let catalog_ports: Vec<u16> = match (p.port, def) {
            (Some(x), _) => vec![x],
            (None, Some(d)) => d.deploy.ports.iter().map(|x| x.container).collect(),
            _ => Vec::new(),
        };
        if catalog_ports.is_empty() && p.ports.is_empty() {
            ports.push(Planned {
                port: None,
                on: On::Every,
            });
        }
        ports.extend(catalog_ports.into_iter().map(|x| Planned {
            port: Some(x),
            on: On::Every,
        }));
    } else if private {
        match port_of(p, def) {
            Some(x) => ports.push(Planned {
                port: Some(x),
                on: On::Private,
            }),
            None => unpublished = true,
        }
    }
    ports.retain(|x| {
        let Some(port) = x.port else { return true };
        let on = match x.on {
            On::Every => None,
            On::Private => Some(bind),
        };
        !p.ports.iter().any(|u| PortSpec::of(u).takes(port, on))
    });
    Publish {
        ports,
        private,
        reached_without_port: unpublished,
    }
}

/// [`planned`]'s answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publish {
    pub ports: Vec<Planned>,
    /// Another server reaches it and it is not public: what it publishes
    /// is bound on this server's private address.
    pub private: bool,
    /// Another server reaches it, but its port is unknown: nothing is
    /// published for it.
    pub reached_without_port: bool,
}

/// The variable that holds a server's private address when the plan gives
/// none: `SERVER_A_PRIVATE_ADDRESS` for server "a".
///
/// ```
/// assert_eq!(stackfit_core::export::address_variable("worker-1"), "SERVER_WORKER_1_PRIVATE_ADDRESS");
/// ```
pub fn address_variable(server_id: &str) -> String {
    format!("SERVER_{}_PRIVATE_ADDRESS", env_name(server_id))
}

/// An id as an environment variable name part: "worker-base" → "WORKER_BASE".
pub fn env_name(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// A server's private address as the plan gives it, if it is a plausible
/// host name or IP (anything else is treated as unknown, never written).
pub fn known_address(s: &Server) -> Option<&str> {
    s.private_address.as_deref().map(str::trim).filter(|a| {
        !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".:-_[]%".contains(c))
    })
}

/// A server's private address as a published port binds it: an IP address
/// as written (an IPv6 one in brackets), or `None` for a host name or
/// anything else Docker cannot bind ("invalid IP address") — the file then
/// binds the `.env` variable that will hold the IP.
pub fn bind_address(s: &Server) -> Option<String> {
    let a = known_address(s)?;
    let bare = a
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(a);
    match bare.parse::<IpAddr>().ok()? {
        IpAddr::V4(_) => Some(bare.to_string()),
        IpAddr::V6(_) => Some(format!("[{bare}]")),
    }
}

/// What a private port is bound to in the file: the server's address, or
/// the `.env` variable that will hold it.
pub fn private_bind(s: &Server) -> String {
    match bind_address(s) {
        Some(a) => a,
        None => {
            let var = address_variable(&s.id);
            format!("${{{var}:?set {var} in .env}}")
        }
    }
}

/// The port a placement listens on: its own, else the catalog's first.
pub fn port_of(p: &Placement, def: Option<&ServiceDef>) -> Option<u16> {
    p.port.or_else(|| {
        def.and_then(|d| d.deploy.ports.first())
            .map(|x| x.container)
    })
}

/// A published port (Compose's short syntax, as `edit::validate::is_port_spec`
/// accepts it): where it is bound on the host.
pub struct PortSpec<'a> {
    /// The host port or range; empty: Docker picks one.
    pub host: &'a str,
    /// The host addresses it binds.
    bound: Address<'a>,
    /// Where `host` starts in the spec.
    host_at: usize,
    pub protocol: &'a str,
}

impl<'a> PortSpec<'a> {
    pub fn of(spec: &'a str) -> PortSpec<'a> {
        let (ports, protocol) = spec.split_once('/').unwrap_or((spec, "tcp"));
        let (address, rest) = match ports.strip_prefix('[') {
            Some(v6) => match v6.split_once("]:") {
                Some((a, r)) => (Some(a), r),
                None => (None, v6),
            },
            None => match ports.splitn(3, ':').collect::<Vec<_>>()[..] {
                [a, _, _] => (Some(a), &ports[a.len() + 1..]),
                _ => (None, ports),
            },
        };
        let host = rest.split_once(':').map_or("", |(host, _)| host);
        PortSpec {
            host,
            bound: Address::of(address),
            // `rest` is the end of `ports`, and the host port starts it.
            host_at: ports.len() - rest.len(),
            protocol,
        }
    }

    /// Whether it is bound to one host address, not to every address (of
    /// one IP version: none given, `0.0.0.0`, `[::]`).
    pub fn has_address(&self) -> bool {
        self.bound.is_one()
    }

    /// `spec` (the text this was read from) publishing host port `port`
    /// instead, as it was written otherwise.
    fn on_host_port(&self, spec: &str, port: u32) -> String {
        let end = self.host_at + self.host.len();
        format!("{}{port}{}", &spec[..self.host_at], &spec[end..])
    }

    /// The host ports it binds; `None` when Docker picks the port.
    fn binding(&self) -> Option<Binding<'a>> {
        let (low, high) = self.host.split_once('-').unwrap_or((self.host, self.host));
        Some(Binding {
            address: self.bound,
            low: low.parse().ok()?,
            high: high.parse().ok()?,
            protocol: self.protocol,
        })
    }

    /// Whether it publishes host port `port` over TCP on `bind` (`None`:
    /// every address) — so publishing that again would clash.
    fn takes(&self, port: u16, bind: Option<&str>) -> bool {
        self.binding()
            .is_some_and(|a| a.overlaps(&Binding::tcp(port, bind)))
    }
}

/// An IP version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Family {
    V4,
    V6,
}

impl Family {
    fn of(ip: IpAddr) -> Family {
        match ip {
            IpAddr::V4(_) => Family::V4,
            IpAddr::V6(_) => Family::V6,
        }
    }
}

/// The host addresses a port is bound on, as Docker binds them (Docker
/// docs, "Port publishing and mapping", read 2026-12-04): with no address
/// on every address, IPv4 and IPv6 (`0.0.0.0` and `[::]`); on `0.0.0.0`
/// every IPv4 address; on `::` every IPv6 address only (Docker listens on
/// both at once, so its `::` takes no IPv4 address); else on the one
/// address given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Address<'a> {
    Every,
    Any(Family),
    One(Host<'a>),
}

/// One host address: an IP address as Docker reads it (so `[FD00::1]`,
/// `[fd00::1]` and `[fd00:0::1]` are one address), or text that is none —
/// a host name or a `${VAR}` — which may stand for an address of either
/// version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Host<'a> {
    Ip(IpAddr),
    Text(&'a str),
}

impl Host<'_> {
    /// Its IP version, when it is an IP address.
    fn family(self) -> Option<Family> {
        match self {
            Host::Ip(ip) => Some(Family::of(ip)),
            Host::Text(_) => None,
        }
    }
}

impl<'a> Address<'a> {
    /// The address a spec or the planner names (`None` or empty: none),
    /// without or within an IPv6 address's brackets. An unspecified
    /// address (`0.0.0.0`, `::`, `0::0`) is every address of its version.
    fn of(address: Option<&'a str>) -> Address<'a> {
        let Some(a) = address.filter(|a| !a.is_empty()) else {
            return Address::Every;
        };
        let bare = a
            .strip_prefix('[')
            .and_then(|a| a.strip_suffix(']'))
            .unwrap_or(a);
        // An IPv4-mapped IPv6 address is its IPv4 address, as Go's net.IP
        // (To4) reads it for Docker.
        match bare.parse::<IpAddr>().map(|ip| ip.to_canonical()) {
            Ok(ip) if ip.is_unspecified() => Address::Any(Family::of(ip)),
            Ok(ip) => Address::One(Host::Ip(ip)),
            Err(_) => Address::One(Host::Text(bare)),
        }
    }

    /// Whether a port bound on both would be bound twice.
    fn overlaps(self, other: Address) -> bool {
        use Address::*;
        match (self, other) {
            (Every, _) | (_, Every) => true,
            (Any(f), Any(g)) => f == g,
            (Any(f), One(h)) | (One(h), Any(f)) => h.family().is_none_or(|g| g == f),
            (One(a), One(b)) => a == b,
        }
    }

    /// Whether it is one address, not every address (of a version).
    fn is_one(self) -> bool {
        matches!(self, Address::One(_))
    }
}

/// Host ports a container binds: a range, its protocol and the addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Binding<'a> {
    address: Address<'a>,
    low: u32,
    high: u32,
    protocol: &'a str,
}

impl<'a> Binding<'a> {
    /// TCP port `port` on `bind`.
    fn tcp(port: u16, bind: Option<&'a str>) -> Binding<'a> {
        Binding {
            address: Address::of(bind),
            low: port.into(),
            high: port.into(),
            protocol: "tcp",
        }
    }

    /// Docker refuses a host port bound twice over one protocol where the
    /// addresses overlap.
    fn overlaps(&self, other: &Binding) -> bool {
        self.protocol == other.protocol
            && self.low <= other.high
            && other.low <= self.high
            && self.address.overlaps(other.address)
    }

    /// The first port both bind, as `8080/tcp`.
    fn shared(&self, other: &Binding) -> String {
        format!("{}/{}", self.low.max(other.low), self.protocol)
    }
}

/// Which placements of an option a placement on another server depends
/// on: an index built once per evaluation (and once per export), so that
/// deciding every placement's ports reads the option once, not once per
/// placement.
pub struct Reached<'a>(HashMap<&'a str, Servers>);

/// The servers whose placements depend on one placement: the first, and
/// whether there are others.
#[derive(Clone, Copy)]
struct Servers {
    first: usize,
    more: bool,
}

impl<'a> Reached<'a> {
    pub fn of(o: &'a PlanOption) -> Reached<'a> {
        let mut by: HashMap<&str, Servers> = HashMap::new();
        for (ti, s) in o.servers.iter().enumerate() {
            for d in s.placements.iter().flat_map(|q| &q.depends_on) {
                by.entry(d.as_str())
                    .and_modify(|x| x.more |= x.first != ti)
                    .or_insert(Servers {
                        first: ti,
                        more: false,
                    });
            }
        }
        Reached(by)
    }

    /// Whether a placement on a server other than `si` depends on `id`.
    pub fn elsewhere(&self, id: &str, si: usize) -> bool {
        self.0.get(id).is_some_and(|x| x.more || x.first != si)
    }
}

/// One clash on a server, and whether the later placement no longer
/// publishing its ports (it is public) would end it: what it still
/// publishes then — the ports an import kept, and its private port if
/// another server reaches it — takes no port of an earlier placement.
pub struct Found {
    pub clash: PortClash,
    pub ends_unpublished: bool,
    /// When no longer publishing does not end it: the later placement's
    /// kept ports with each that clashes moved to the first free host port
    /// above it, if that ends the clash (with no longer publishing, if
    /// that is needed too).
    pub moved: Option<Moved>,
}

/// Kept ports moved off the host ports they clashed on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// All the placement's kept ports, the moved ones rewritten.
    pub ports: Vec<String>,
    /// Each moved host port: (from, to), each move once.
    pub hosts: Vec<(u32, u32)>,
    /// The move alone does not end the clash: the planner's ports must no
    /// longer be published either (the placement is public).
    pub unpublished: bool,
}

/// The placements on server `si` of option `o` that publish a host port
/// an earlier one publishes too — what the compose file publishes for
/// them: the planner's ports ([`planned`]) and the ones an import kept —
/// in the order the file writes them; each once, with the first earlier
/// placement it clashes with (as many clashes as placements at most,
/// however many share a port).
pub fn clashes(o: &PlanOption, si: usize, reached: &Reached) -> Vec<Found> {
    let s = &o.servers[si];
    let bind = private_bind(s);
    let bindings: Vec<Vec<Binding>> = s
        .placements
        .iter()
        .map(|p| bindings_of(reached, si, p, &bind))
        .collect();
    let mut owners = Owners::of(&bindings, &bind);
    let mut found = Vec::new();
    // Built at the first clash a kept port is in, then shared.
    let mut taken: Option<Taken> = None;
    for (j, later) in bindings.iter().enumerate() {
        // Which earlier placement takes a port of this one: `owners` holds
        // the placements before it.
        let first = later.iter().filter_map(|b| owners.first(b)).min();
        if let Some(i) = first {
            let p = &s.placements[j];
            let ends = |q: &Placement| {
                let mine = bindings_of(reached, si, q, &bind);
                !mine.iter().any(|b| owners.first(b).is_some())
            };
            let ends_unpublished = p.public && {
                ends(&Placement {
                    public: false,
                    ..p.clone()
                })
            };
            // Else its kept ports moved, and if it is public and that is
            // not enough, the planner's ports no longer published too.
            let moved = (!ends_unpublished && !p.ports.is_empty())
                .then(|| {
                    let taken = taken.get_or_insert_with(|| Taken::of(&bindings));
                    let mut moved = move_kept(p, &owners, taken)?;
                    let q = Placement {
                        ports: moved.ports.clone(),
                        ..p.clone()
                    };
                    if ends(&q) {
                        return Some(moved);
                    }
                    if !p.public {
                        return None;
                    }
                    moved.unpublished = true;
                    ends(&Placement { public: false, ..q }).then_some(moved)
                })
                .flatten();
            let port = later
                .iter()
                .find_map(|b| {
                    bindings[i]
                        .iter()
                        .find(|a| a.overlaps(b))
                        .map(|a| a.shared(b))
                })
                .unwrap_or_default();
            found.push(Found {
                clash: PortClash {
                    first: s.placements[i].id.clone(),
                    second: p.id.clone(),
                    port,
                },
                ends_unpublished,
                moved,
            });
        }
        for b in later {
            owners.take(b, j);
        }
    }
    found
}

/// For each host port of one server, the first placement that binds it,
/// kept per protocol under each [`Key`] a binding's addresses answer to:
/// the clash check reads it once per binding instead of comparing every
/// pair, so a server of 2,000 placements with 32 ports each is checked in
/// milliseconds, not seconds.
struct Owners<'a>(HashMap<(&'a str, Key<'a>), Firsts>);

/// Where the index keeps a binding: under every key its addresses answer
/// to (`keys`); a binding looks up the keys of the addresses it overlaps
/// (`asks`). Together they answer as [`Address::overlaps`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// Every binding.
    All,
    /// Every binding that takes an address of this version (or may).
    AllOf(Family),
    /// Bindings on every address.
    Every,
    /// Bindings on every address of one version.
    Any(Family),
    /// Bindings on one address.
    One(Host<'a>),
}

impl<'a> Key<'a> {
    /// The keys a binding on `a` is kept under.
    fn keys(a: Address<'a>) -> [Option<Key<'a>>; 4] {
        use Family::*;
        match a {
            Address::Every => [
                Some(Key::All),
                Some(Key::AllOf(V4)),
                Some(Key::AllOf(V6)),
                Some(Key::Every),
            ],
            Address::Any(f) => [Some(Key::All), Some(Key::AllOf(f)), Some(Key::Any(f)), None],
            Address::One(x) => match x.family() {
                Some(f) => [Some(Key::All), Some(Key::AllOf(f)), Some(Key::One(x)), None],
                None => [
                    Some(Key::All),
                    Some(Key::AllOf(V4)),
                    Some(Key::AllOf(V6)),
                    Some(Key::One(x)),
                ],
            },
        }
    }

    /// The keys whose bindings a binding on `a` overlaps.
    fn asks(a: Address<'a>) -> [Option<Key<'a>>; 4] {
        use Family::*;
        match a {
            Address::Every => [Some(Key::All), None, None, None],
            Address::Any(f) => [Some(Key::AllOf(f)), None, None, None],
            Address::One(x) => match x.family() {
                Some(f) => [Some(Key::Every), Some(Key::Any(f)), Some(Key::One(x)), None],
                None => [
                    Some(Key::Every),
                    Some(Key::Any(V4)),
                    Some(Key::Any(V6)),
                    Some(Key::One(x)),
                ],
            },
        }
    }
}

impl<'a> Owners<'a> {
    /// Ready for `bindings` (the ports each placement will take) and for
    /// what a fix would make a placement bind instead: its kept ports on
    /// other host ports (the same addresses), or the planner's TCP port on
    /// the server's private address `bind` once it is no longer public.
    fn of(bindings: &[Vec<Binding<'a>>], bind: &'a str) -> Owners<'a> {
        // Only the keys some binding asks for are kept (on a server whose
        // ports all bind every address, one per binding, not four).
        let planner = [Address::Every, Address::of(Some(bind))]
            .into_iter()
            .flat_map(|a| Key::asks(a).into_iter().flatten().map(|k| ("tcp", k)));
        let mut cuts: HashMap<(&str, Key), Vec<u32>> = bindings
            .iter()
            .flatten()
            .flat_map(|b| {
                Key::asks(b.address)
                    .into_iter()
                    .flatten()
                    .map(|k| (b.protocol, k))
            })
            .chain(planner)
            .map(|k| (k, Vec::new()))
            .collect();
        for b in bindings.iter().flatten() {
            for key in Key::keys(b.address).into_iter().flatten() {
                if let Some(c) = cuts.get_mut(&(b.protocol, key)) {
                    c.extend([b.low, b.high.saturating_add(1)]);
                }
            }
        }
        Owners(cuts.into_iter().map(|(k, c)| (k, Firsts::new(c))).collect())
    }

    /// The first placement taken so far that binds a port `b` binds on an
    /// address that overlaps `b`'s.
    fn first(&self, b: &Binding<'a>) -> Option<usize> {
        Key::asks(b.address)
            .into_iter()
            .flatten()
            .filter_map(|key| self.0.get(&(b.protocol, key))?.first(b.low, b.high))
            .min()
    }

    /// Placement `j` binds `b`.
    fn take(&mut self, b: &Binding<'a>, j: usize) {
        for key in Key::keys(b.address).into_iter().flatten() {
            if let Some(f) = self.0.get_mut(&(b.protocol, key)) {
                f.take(b.low, b.high, j);
            }
        }
    }
}

/// The first placement that binds each port of a set of ranges: the
/// ranges' ends cut the ports into segments, and a segment tree keeps the
/// smallest placement index per segment (`tag`: given to the whole of a
/// node; `min`: the smallest within it).
struct Firsts {
    cuts: Vec<u32>,
    min: Vec<usize>,
    tag: Vec<usize>,
}

impl Firsts {
    fn new(mut cuts: Vec<u32>) -> Firsts {
        crate::model::order::sort(&mut cuts);
        cuts.dedup();
        let nodes = 4 * cuts.len().max(1);
        Firsts {
            cuts,
            min: vec![usize::MAX; nodes],
            tag: vec![usize::MAX; nodes],
        }
    }

    /// The segments ports `low..=high` touch, as a half-open range.
    fn segments(&self, low: u32, high: u32) -> (usize, usize) {
        let n = self.cuts.len().saturating_sub(1);
        let start = self.cuts.partition_point(|&c| c <= low).saturating_sub(1);
        let end = self.cuts.partition_point(|&c| c <= high).min(n);
        (start, end)
    }

    fn first(&self, low: u32, high: u32) -> Option<usize> {
        let (l, r) = self.segments(low, high);
        let m = self.min_in(1, 0, self.cuts.len().saturating_sub(1), l, r);
        (m != usize::MAX).then_some(m)
    }

    fn take(&mut self, low: u32, high: u32, j: usize) {
        let (l, r) = self.segments(low, high);
        self.give(1, 0, self.cuts.len().saturating_sub(1), l, r, j);
    }

    fn min_in(&self, node: usize, nl: usize, nr: usize, l: usize, r: usize) -> usize {
        if r <= nl || nr <= l || l >= r {
            return usize::MAX;
        }
        if l <= nl && nr <= r {
            return self.min[node];
        }
        let mid = (nl + nr) / 2;
        self.tag[node]
            .min(self.min_in(2 * node, nl, mid, l, r))
            .min(self.min_in(2 * node + 1, mid, nr, l, r))
    }

    fn give(&mut self, node: usize, nl: usize, nr: usize, l: usize, r: usize, j: usize) {
        if r <= nl || nr <= l || l >= r {
            return;
        }
        if l <= nl && nr <= r {
            self.min[node] = self.min[node].min(j);
            self.tag[node] = self.tag[node].min(j);
            return;
        }
        let mid = (nl + nr) / 2;
        self.give(2 * node, nl, mid, l, r, j);
        self.give(2 * node + 1, mid, nr, l, r, j);
        self.min[node] = self.tag[node]
            .min(self.min[2 * node])
            .min(self.min[2 * node + 1]);
    }
}

/// The host ports one server's bindings take, per protocol, one bit per
/// port: where a moved port may go. Addresses are not told apart, so a
/// port one address takes is taken for all.
struct Taken<'a>(Vec<(&'a str, Vec<u64>)>);

impl<'a> Taken<'a> {
    fn of(bindings: &[Vec<Binding<'a>>]) -> Taken<'a> {
        // A handful of protocols (tcp, udp, sctp): a list beats a map.
        let mut by: Vec<(&str, Vec<u64>)> = Vec::new();
        for b in bindings.iter().flatten() {
            let i = match by.iter().position(|x| x.0 == b.protocol) {
                Some(i) => i,
                None => {
                    by.push((b.protocol, vec![0; 1024]));
                    by.len() - 1
                }
            };
            let bits = &mut by[i].1;
            // A word at a time: a range of every port is 1,024 steps.
            let (mut port, high) = (b.low, b.high.min(u16::MAX.into()));
            while port <= high {
                let at = port % 64;
                let n = (high - port + 1).min(64 - at);
                bits[(port / 64) as usize] |= (u64::MAX >> (64 - n)) << at;
                port += n;
            }
        }
        Taken(by)
    }

    /// The first host port above `port` that nothing on the server takes
    /// over `protocol`, besides `also` (ports already chosen).
    fn free_above(&self, port: u32, protocol: &str, also: &[u32]) -> Option<u32> {
        let bits = self.0.iter().find(|x| x.0 == protocol).map(|x| &x.1);
        let taken = |n: u32| bits.is_some_and(|b| b[(n / 64) as usize] >> (n % 64) & 1 == 1);
        let mut n = port + 1;
        while n <= u32::from(u16::MAX) {
            // A word all taken is skipped whole.
            if n.is_multiple_of(64) && bits.is_some_and(|b| b[(n / 64) as usize] == u64::MAX) {
                n += 64;
                continue;
            }
            if !taken(n) && !also.contains(&n) {
                return Some(n);
            }
            n += 1;
        }
        None
    }
}

/// `p`'s kept ports with each one that clashes with a port `owners` holds
/// (the placements before it) moved to the
/// first free host port above it; `None` when none clashes or one that
/// does is a range (a range is left for the user to move).
fn move_kept(p: &Placement, owners: &Owners, taken: &Taken) -> Option<Moved> {
    let mut ports = Vec::with_capacity(p.ports.len());
    let mut hosts: Vec<(u32, u32, &str)> = Vec::new();
    for spec in &p.ports {
        let ps = PortSpec::of(spec);
        let clashing = ps.binding().filter(|b| owners.first(b).is_some());
        let Some(b) = clashing else {
            ports.push(spec.clone());
            continue;
        };
        if b.low != b.high {
            return None;
        }
        let chosen: Vec<u32> = hosts
            .iter()
            .filter(|h| h.2 == b.protocol)
            .map(|h| h.1)
            .collect();
        let to = taken.free_above(b.low, b.protocol, &chosen)?;
        let moved = ps.on_host_port(spec, to);
        // A longer port number must still fit what a plan keeps.
        if moved.len() > crate::model::bounds::PORT_SPEC_CHARS {
            return None;
        }
        hosts.push((b.low, to, b.protocol));
        ports.push(moved);
    }
    // The same move over two protocols (53 and 53/udp) is told once.
    let mut told: Vec<(u32, u32)> = Vec::with_capacity(hosts.len());
    for (from, to, _) in hosts {
        if !told.contains(&(from, to)) {
            told.push((from, to));
        }
    }
    (!told.is_empty()).then_some(Moved {
        ports,
        hosts: told,
        unpublished: false,
    })
}

/// The host ports placement `p` of server `si` binds: the planner's and
/// the ones an import kept; `bind` is the server's private address as the
/// file writes it.
fn bindings_of<'a>(
    reached: &Reached,
    si: usize,
    p: &'a Placement,
    bind: &'a str,
) -> Vec<Binding<'a>> {
    // Most placements publish nothing: not public, not reached, no ports kept.
    if !p.public && p.ports.is_empty() && !reached.elsewhere(&p.id, si) {
        return Vec::new();
    }
    planned(reached, si, bind, p, crate::catalog::service(&p.service))
        .ports
        .into_iter()
        .filter_map(|x| {
            let on = match x.on {
                On::Every => None,
                On::Private => Some(bind),
            };
            x.port.map(|port| Binding::tcp(port, on))
        })
        .chain(
            p.ports
                .iter()
                .filter_map(|spec| PortSpec::of(spec).binding()),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether published port `a` (Compose's short syntax) and the planner's
    /// TCP `port` on `bind` take the same host port; and the port they share.
    fn clash(a: &str, b: &str) -> Option<String> {
        let (a, b) = (PortSpec::of(a).binding()?, PortSpec::of(b).binding()?);
        a.overlaps(&b).then(|| a.shared(&b))
    }

    #[test]
    fn two_bindings_clash_where_docker_refuses_the_second() {
        assert_eq!(clash("8080:80", "8080:8080").as_deref(), Some("8080/tcp"));
        // Every address overlaps one address; two addresses do not.
        assert_eq!(
            clash("127.0.0.1:5432:5432", "5432:5432").as_deref(),
            Some("5432/tcp")
        );
        assert_eq!(clash("127.0.0.1:5432:5432", "10.0.0.5:5432:5432"), None);
        // `0.0.0.0` is every IPv4 address, `[::]` every IPv6 address (Docker
        // binds both for a port with no address): each overlaps its own
        // version's addresses and no address must be free of both.
        for (a, b, clashes) in [
            ("0.0.0.0:80:80", "[::1]:80:80", false),
            ("0.0.0.0:80:80", "[::]:80:80", false),
            ("[::]:80:80", "127.0.0.1:80:80", false),
            ("0.0.0.0:80:80", "127.0.0.1:80:80", true),
            ("0.0.0.0:80:80", "0.0.0.0:80:80", true),
            ("[::]:80:80", "[::1]:80:80", true),
            ("[::]:80:80", "[0:0::0]:80:80", true),
            ("[fd00::1]:80:80", "[fd00::1]:80:80", true),
            // One IPv6 address however it is written; two addresses do not clash.
            ("[FD00::1]:80:80", "[fd00:0::1]:80:80", true),
            ("[fd00::1]:80:80", "[fd00::2]:80:80", false),
            ("[0::0]:80:80", "0.0.0.0:80:80", false),
            ("[::ffff:127.0.0.1]:80:80", "127.0.0.1:80:80", true),
            ("[::ffff:127.0.0.1]:80:80", "0.0.0.0:80:80", true),
            ("[::ffff:127.0.0.1]:80:80", "[::]:80:80", false),
            ("80:80", "0.0.0.0:80:80", true),
            ("80:80", "[::]:80:80", true),
            ("80:80", "[::1]:80:80", true),
        ] {
            assert_eq!(clash(a, b).is_some(), clashes, "{a} and {b}");
            assert_eq!(clash(b, a).is_some(), clashes, "{b} and {a}");
        }
        // Another protocol, another port.
        assert_eq!(clash("53:53/udp", "53:53"), None);
        assert_eq!(clash("53:53/udp", "53:5353/udp").as_deref(), Some("53/udp"));
        assert_eq!(clash("8080:80", "8081:80"), None);
        // Ranges: the first port both take.
        assert_eq!(
            clash("8000-8010:8000-8010", "8005:80").as_deref(),
            Some("8005/tcp")
        );
        assert_eq!(clash("8000-8010:8000-8010", "8011:80"), None);
        // A port Docker picks clashes with nothing.
        assert_eq!(clash("80", "80:80"), None);
    }

    #[test]
    fn a_port_kept_by_the_placement_is_not_taken_twice() {
        assert!(PortSpec::of("8080:80").takes(8080, None));
        assert!(PortSpec::of("127.0.0.1:5432:5432").takes(5432, Some("0.0.0.0")));
        assert!(!PortSpec::of("127.0.0.1:5432:5432").takes(5432, Some("10.0.0.5")));
        // The planner's private address: a variable may hold either
        // version; an IPv6 one is the same address with or without brackets.
        let var = "${SERVER_A_PRIVATE_ADDRESS:?set SERVER_A_PRIVATE_ADDRESS in .env}";
        assert!(PortSpec::of("0.0.0.0:5432:5432").takes(5432, Some(var)));
        assert!(PortSpec::of("[::]:5432:5432").takes(5432, Some(var)));
        assert!(PortSpec::of("[fd00::1]:5432:5432").takes(5432, Some("[fd00::1]")));
        assert!(!PortSpec::of("[::]:5432:5432").takes(5432, Some("10.0.0.5")));
        assert!(!PortSpec::of("53:53/udp").takes(53, None));
    }

    fn option(servers: Vec<Server>) -> PlanOption {
        servers
            .into_iter()
            .fold(PlanOption::new("o", "O"), |o, s| o.with(s))
    }

    fn found(o: &PlanOption, si: usize) -> Vec<(String, String, String, bool)> {
        clashes(o, si, &Reached::of(o))
            .into_iter()
            .map(|k| {
                (
                    k.clash.first,
                    k.clash.second,
                    k.clash.port,
                    k.ends_unpublished,
                )
            })
            .collect()
    }

    /// The kept ports each clash's fix would publish instead.
    fn moved(o: &PlanOption, si: usize) -> Vec<Option<Vec<String>>> {
        clashes(o, si, &Reached::of(o))
            .into_iter()
            .map(|k| k.moved.map(|m| m.ports))
            .collect()
    }

    /// Two databases another server reaches are both published on their
    /// server's private address, on the same port: a clash, which no
    /// longer publishing them (they are not public) cannot end; on
    /// servers of their own, none. Whoever depends on them, the index
    /// answers as a scan of the option does.
    #[test]
    fn two_databases_reached_from_another_server_clash_on_its_address() {
        let mut app = Placement::new("app", "fastapi");
        app.depends_on = vec!["db".into(), "db2".into()];
        let data = Server::new("data", "Data", "aliyun-ecs-c7-large")
            .with(Placement::new("db", "postgres"))
            .with(Placement::new("db2", "postgres"));
        let web = Server::new("web", "Web", "aliyun-ecs-c7-large").with(app);
        let o = option(vec![data, web]);
        assert_eq!(
            found(&o, 0),
            [("db".into(), "db2".into(), "5432/tcp".into(), false)]
        );
        assert_eq!(found(&o, 1), []);
        let reached = Reached::of(&o);
        for (si, s) in o.servers.iter().enumerate() {
            for p in &s.placements {
                let scan = o
                    .servers
                    .iter()
                    .enumerate()
                    .filter(|(ti, _)| *ti != si)
                    .flat_map(|(_, t)| &t.placements)
                    .any(|q| q.depends_on.contains(&p.id));
                assert_eq!(reached.elsewhere(&p.id, si), scan, "{}", p.id);
                let def = crate::catalog::service(&p.service);
                let publish = planned(&reached, si, &private_bind(s), p, def);
                assert_eq!(publish.private, scan && !p.public, "{}", p.id);
            }
        }

        // Each on a server of its own: nothing clashes.
        let mut app = Placement::new("app", "fastapi");
        app.depends_on = vec!["db".into(), "db2".into()];
        let o = option(vec![
            Server::new("data", "Data", "aliyun-ecs-c7-large")
                .with(Placement::new("db", "postgres")),
            Server::new("data2", "Data 2", "aliyun-ecs-c7-large")
                .with(Placement::new("db2", "postgres")),
            Server::new("web", "Web", "aliyun-ecs-c7-large").with(app),
        ]);
        assert!((0..3).all(|si| found(&o, si).is_empty()));
    }

    /// The clash check reads an index of the first placement per port;
    /// on random servers (ranges, addresses, protocols, public services
    /// and services another server reaches, so the planner's ports too) it
    /// finds what comparing every pair of placements finds: the first
    /// earlier placement each one clashes with, and the port. And each fix
    /// it offers ends its clash: no longer publishing, or the kept ports
    /// moved (with no longer publishing when it says so).
    #[test]
    fn the_index_finds_what_comparing_every_pair_finds() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        let addresses = [
            "",
            "127.0.0.1:",
            "10.0.0.5:",
            "0.0.0.0:",
            "[::1]:",
            "[::]:",
            "[FD00::1]:",
            "[fd00:0::1]:",
        ];
        // Listening on 80, 443 or 8000, 5432, 8000: the planner publishes
        // those when public or reached.
        let services = ["nginx", "caddy", "postgres", "fastapi"];
        let (mut told, mut fixes) = (0, 0);
        for _ in 0..300 {
            let mut server = Server::new("a", "A", "aliyun-ecs-c7-large");
            if next(2) == 0 {
                server = server.private_address("10.0.0.5");
            }
            let mut client = Placement::new("client", "fastapi");
            // A third of the servers publish on no address of their own:
            // the index then holds fewer keys, and a fix must still be
            // checked against every port it would bind.
            let addresses = if next(3) == 0 {
                &addresses[..1]
            } else {
                &addresses[..]
            };
            for k in 0..next(12) + 1 {
                let id = format!("p{k}");
                let mut p = Placement::new(&id, services[next(4) as usize]);
                p.public = next(3) == 0;
                if next(4) == 0 {
                    client.depends_on.push(id);
                }
                for _ in 0..next(4) {
                    let low = [80, 443, 5432, 8000, 65_525][next(5) as usize] + next(3) as u32;
                    let host = match next(4) {
                        0 => format!("{low}-{}", (low + next(5) as u32).min(65_535)),
                        _ => low.to_string(),
                    };
                    let address = addresses[next(addresses.len() as u64) as usize];
                    let protocol = ["", "/udp"][next(2) as usize];
                    p.ports.push(format!("{address}{host}:{low}{protocol}"));
                }
                server = server.with(p);
            }
            let elsewhere = Server::new("b", "B", "aliyun-ecs-c7-large").with(client);
            let o = option(vec![server, elsewhere]);
            let s = &o.servers[0];
            let (reached, bind) = (Reached::of(&o), private_bind(s));
            let all: Vec<Vec<Binding>> = s
                .placements
                .iter()
                .map(|p| bindings_of(&reached, 0, p, &bind))
                .collect();
            let pairwise: Vec<(String, String, String)> = (0..all.len())
                .filter_map(|j| {
                    (0..j).find_map(|i| {
                        all[j].iter().find_map(|b| {
                            all[i].iter().find(|a| a.overlaps(b)).map(|a| {
                                (
                                    s.placements[i].id.clone(),
                                    s.placements[j].id.clone(),
                                    a.shared(b),
                                )
                            })
                        })
                    })
                })
                .collect();
            let got: Vec<_> = found(&o, 0)
                .into_iter()
                .map(|(first, second, port, _)| (first, second, port))
                .collect();
            let shown: Vec<_> = s.placements.iter().map(|p| (p.public, &p.ports)).collect();
            assert_eq!(got, pairwise, "{shown:?}");
            told += got.len();

            for k in clashes(&o, 0, &reached) {
                let j = s
                    .placements
                    .iter()
                    .position(|p| p.id == k.clash.second)
                    .unwrap();
                let fixed = |change: &dyn Fn(&mut Placement)| {
                    let mut after = o.clone();
                    change(&mut after.servers[0].placements[j]);
                    let still = found(&after, 0).into_iter().any(|f| f.1 == k.clash.second);
                    assert!(!still, "the fix for {:?} leaves it: {shown:?}", k.clash);
                };
                if k.ends_unpublished {
                    fixed(&|p| p.public = false);
                    fixes += 1;
                }
                if let Some(m) = &k.moved {
                    assert!(!k.ends_unpublished);
                    fixed(&|p| {
                        p.ports = m.ports.clone();
                        p.public &= !m.unpublished;
                    });
                    fixes += 1;
                }
            }
        }
        assert!(
            told > 100 && fixes > 50,
            "the random servers clash and have fixes often enough to tell: {told}, {fixes}"
        );
    }

    /// A public database another server reaches clashes on its private
    /// port too: no longer public still publishes 5432 on the private
    /// address, where a kept `5432:5432` (every address) takes it, so
    /// "stop publishing" is no fix. The index, which keeps only the keys
    /// some port asks for, must also keep the ones that private port asks.
    #[test]
    fn no_longer_public_is_no_fix_when_the_private_port_still_clashes() {
        for address in [Some("10.0.0.5"), None] {
            let mut kept = Placement::new("db1", "postgres");
            kept.ports = vec!["5432:5432".into()];
            let mut public = Placement::new("db2", "postgres");
            public.public = true;
            let mut a = Server::new("a", "A", "aliyun-ecs-c7-large")
                .with(kept)
                .with(public);
            if let Some(x) = address {
                a = a.private_address(x);
            }
            let b = Server::new("b", "B", "aliyun-ecs-c7-large")
                .with(Placement::new("client", "fastapi").depends_on(&["db2"]));
            let o = option(vec![a, b]);
            assert_eq!(
                found(&o, 0),
                [("db1".into(), "db2".into(), "5432/tcp".into(), false)],
                "{address:?}"
            );
        }
    }

    /// A public proxy's clash ends when it stops publishing, unless a port
    /// its compose file published (kept) is the one that clashes. However
    /// many placements share one port, each is one clash at most.
    #[test]
    fn each_clash_is_told_once_with_the_fix_that_ends_it() {
        let public = |id: &str, service: &str| {
            let mut p = Placement::new(id, service);
            p.public = true;
            p
        };
        let o = option(vec![Server::new("a", "A", "aliyun-ecs-c7-large")
            .with(public("nginx", "nginx"))
            .with(public("caddy", "caddy"))]);
        assert_eq!(
            found(&o, 0),
            [("nginx".into(), "caddy".into(), "80/tcp".into(), true)]
        );

        let mut kept = public("caddy", "caddy");
        kept.ports = vec!["80:80".into()];
        let o = option(vec![Server::new("a", "A", "aliyun-ecs-c7-large")
            .with(public("nginx", "nginx"))
            .with(kept)]);
        assert_eq!(
            found(&o, 0),
            [("nginx".into(), "caddy".into(), "80/tcp".into(), false)]
        );
        // Moving the kept 80 alone would not end it (the planner's 443
        // clashes too), nor would no longer publishing alone (its kept 80
        // clashes): both together do.
        let both = &clashes(&o, 0, &Reached::of(&o))[0];
        assert_eq!(
            both.moved,
            Some(Moved {
                ports: vec!["81:80".into()],
                hosts: vec![(80, 81)],
                unpublished: true
            })
        );

        // Imported as they were, each publishing its own ports: the kept
        // port moves to the first host port above it nothing takes (81 is
        // the metrics port's, 82 the first free); its other ports, and how
        // each is written, stay.
        let kept = |id: &str, ports: &[&str]| {
            let mut p = Placement::new(id, "nginx");
            p.ports = ports.iter().map(|x| x.to_string()).collect();
            p
        };
        let o = option(vec![Server::new("a", "A", "aliyun-ecs-c7-large")
            .with(kept("web", &["80:80", "127.0.0.1:81:9113"]))
            .with(kept("proxy", &["0.0.0.0:80:8080", "443:443", "53:53/udp"]))
            .with(kept("dns", &["53:53/udp", "[::1]:443:443"]))]);
        assert_eq!(
            found(&o, 0),
            [
                ("web".into(), "proxy".into(), "80/tcp".into(), false),
                ("proxy".into(), "dns".into(), "53/udp".into(), false),
            ]
        );
        assert_eq!(
            moved(&o, 0),
            [
                Some(vec![
                    "0.0.0.0:82:8080".to_string(),
                    "443:443".into(),
                    "53:53/udp".into()
                ]),
                // Both of dns's ports clash with proxy's: each moves.
                Some(vec!["54:53/udp".to_string(), "[::1]:444:443".into()]),
            ]
        );
        // The same port over TCP and UDP: each moves to 54, told once.
        let o = option(vec![Server::new("a", "A", "aliyun-ecs-c7-large")
            .with(kept("dns", &["53:53", "53:53/udp"]))
            .with(kept("dns2", &["53:53", "53:53/udp"]))]);
        let both = &clashes(&o, 0, &Reached::of(&o))[0];
        assert_eq!(
            both.moved,
            Some(Moved {
                ports: vec!["54:53".into(), "54:53/udp".into()],
                hosts: vec![(53, 54)],
                unpublished: false
            })
        );
        // A range is left for the user to move.
        let o = option(vec![Server::new("a", "A", "aliyun-ecs-c7-large")
            .with(kept("web", &["8000:80"]))
            .with(kept("app", &["8000-8002:8000-8002"]))]);
        assert_eq!(moved(&o, 0), [None]);

        let crowd = (0..500).fold(Server::new("a", "A", "aliyun-ecs-c7-large"), |s, i| {
            let mut p = Placement::new(&format!("web-{i}"), "nginx");
            p.ports = vec!["80:80".into()];
            s.with(p)
        });
        let o = option(vec![crowd]);
        let all = found(&o, 0);
        assert_eq!(all.len(), 499);
        assert!(all
            .iter()
            .all(|(first, _, port, _)| first == "web-0" && port == "80/tcp"));
        // Each fix on its own moves its container to 81: applied one at a
        // time, the next evaluation offers the next port.
        assert!(moved(&o, 0)
            .iter()
            .all(|m| m.as_deref() == Some(&["81:80".to_string()][..])));
    }
}
