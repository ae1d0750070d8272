//! Plans: options compared side by side, each with servers of a tier and the
//! placements (services with knobs and overrides) on them, plus the settings
//! every evaluation reads (headroom target, reserve formula, exchange rate).

use super::names::Names;

use serde::{Deserialize, Serialize};

use super::price::Quote;
use super::units::{Fen, Mib, Millicores};

/// A plan: one or more options that answer the same question differently.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Plan {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub settings: Settings,
    pub options: Vec<PlanOption>,
    /// Quotes the plan carries for the tiers it uses: the sender's, put in
    /// when it is shared (see `price::carry`). The reader's own price book
    /// comes first; these price what it does not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
}

/// Settings that apply to every option of a plan.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(default)]
pub struct Settings {
    /// Headroom under which a server is "tight", in percent of allocatable memory.
    pub headroom_target_pct: u32,
    /// How much of each server the OS and Docker keep.
    pub reserve: ReserveModel,
    /// Yuan per USD × 1000; `None` uses the catalog's dated rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_cny_rate_milli: Option<i64>,
    /// The option the others are compared with (monthly difference); `None`:
    /// the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_option: Option<String>,
}

/// The default headroom target: 15 % of allocatable memory kept free at peak.
/// It matches the margin the reference reports keep ("≈0.5 GB of 3.5 GB") and
/// the usual "alert at 85 % memory" rule of thumb; it is editable per plan.
pub const DEFAULT_HEADROOM_TARGET_PCT: u32 = 15;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            headroom_target_pct: DEFAULT_HEADROOM_TARGET_PCT,
            reserve: ReserveModel::default(),
            usd_cny_rate_milli: None,
            baseline_option: None,
        }
    }
}

/// Reserve = OS baseline + containerd + dockerd + per-container shim × containers.
///
/// Defaults (research digest §1.7 and §3, read 2026-11-21):
/// - `os_mib` 256: systemd, journald, sshd and the cloud agent. Scenario S2's
///   measurement of a 2 GiB Alibaba ECS shows 469 MB "system" with six
///   containers; minus the daemons and shims below that leaves ≈ 280 MiB. It is
///   also the base kubelet reservation GKE and EKS use (255 MiB, confidence B).
/// - `containerd_mib` 64: containerd daemon 57–64 MB RSS (containerd#2020, B).
/// - `dockerd_mib` 64: no sourced idle figure for dockerd exists (moby issues
///   only report leaks); taken equal to containerd (C, an estimate).
/// - `per_container_mib` 10: containerd-shim 5–11 MB RSS each (containerd#7878,
///   PR #1767, B).
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(default)]
pub struct ReserveModel {
    pub os_mib: Mib,
    pub containerd_mib: Mib,
    pub dockerd_mib: Mib,
    pub per_container_mib: Mib,
}

impl Default for ReserveModel {
    fn default() -> Self {
        ReserveModel {
            os_mib: 256,
            containerd_mib: 64,
            dockerd_mib: 64,
            per_container_mib: 10,
        }
    }
}

impl ReserveModel {
    /// The reserve for a server running `containers` containers.
    ///
    /// ```
    /// use stackfit_core::model::ReserveModel;
    /// assert_eq!(ReserveModel::default().reserve_mib(5), 256 + 64 + 64 + 50);
    /// ```
    pub fn reserve_mib(&self, containers: u64) -> Mib {
        self.os_mib
            .saturating_add(self.containerd_mib)
            .saturating_add(self.dockerd_mib)
            .saturating_add(self.per_container_mib.saturating_mul(containers))
    }
}

/// One way of answering the plan's question, e.g. "A: one 8C16G".
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct PlanOption {
    /// Stable id within the plan, e.g. "a", "lean-2c4g".
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub servers: Vec<Server>,
    /// A price quoted for the whole option (e.g. "¥2000–2500 for the three
    /// servers"), used instead of the sum of server prices when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted_monthly: Option<PriceOverride>,
    /// Kept for comparison (what runs today): compared, never recommended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
    /// The load the option is evaluated at, in thousandths of the plan as
    /// set (`1000` = ×1, [`crate::model::multiplier::LOAD_MIN`]..=[`crate::model::multiplier::LOAD_MAX`]):
    /// the what-if slider. The knobs stay as the plan sets them; the
    /// evaluation, findings and exports read them scaled by
    /// [`crate::whatif::scale_option`].
    #[serde(default = "load_one", skip_serializing_if = "is_load_one")]
    pub load: u32,
}

fn load_one() -> u32 {
    crate::model::multiplier::LOAD_ONE
}

fn is_load_one(load: &u32) -> bool {
    *load == crate::model::multiplier::LOAD_ONE
}

/// One machine in an option.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Server {
    /// Stable id within the option, e.g. "a", "worker".
    pub id: String,
    /// What people call it, e.g. "A — master". A size written in it ("8C32G")
    /// is a claim the evaluation checks against the tier's real spec.
    pub label: String,
    /// Catalog tier id, e.g. "aliyun-ecs-c7-large".
    pub tier: String,
    /// The spec to use when `tier` is not in the catalog (a custom tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<ServerSpec>,
    /// Memory the OS really sees (`free -m` total), overriding the tier's figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usable_mib: Option<Mib>,
    /// Swap the server has: it absorbs short peaks, never typical use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swap_mib: Option<Mib>,
    /// A monthly price that replaces the catalog's (a quote, a discount, a promo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<PriceOverride>,
    /// The disk PostgreSQL and friends read from (cloud disks are SSDs).
    #[serde(default, skip_serializing_if = "DiskType::is_ssd")]
    pub disk: DiskType,
    /// The server's address on the private network (VPC), e.g. "172.16.0.10".
    /// Exporters write it where other servers' services reach this one; when
    /// unset they write a `${SERVER_<ID>_PRIVATE_ADDRESS}` variable instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_address: Option<String>,
    #[serde(default)]
    pub placements: Vec<Placement>,
}

/// The kind of disk a server has (PGTune's random_page_cost and
/// effective_io_concurrency follow it). Cloud block storage (ESSD, cloud SSD,
/// gp3) behaves as SSD.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DiskType {
    Hdd,
    #[default]
    Ssd,
    San,
    Nvme,
}

impl DiskType {
    pub fn is_ssd(&self) -> bool {
        *self == DiskType::Ssd
    }
}

/// A server size for tiers the catalog does not have.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct ServerSpec {
    pub vcpu: u32,
    pub memory_mib: Mib,
}

/// A price given by the user, with where it came from.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct PriceOverride {
    pub monthly_fen: Fen,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A service put on a server, with its knob values, replicas and overrides.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct Placement {
    /// Stable id within the option; the compose service name, e.g. "worker-vip".
    pub id: String,
    /// Catalog service id, e.g. "celery-gevent".
    pub service: String,
    /// The image it runs, when not the catalog's (your own build, an image
    /// the catalog does not know): "registry.example.com/team/api:1.4".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The port it listens on, when not the catalog's (services that run your code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// Knob values that differ from the catalog defaults.
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub knobs: Names<i64>,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub replicas: u32,
    /// Measured (or team-estimated) memory per replica; replaces the model's expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_mib: Option<Mib>,
    /// The figure in `measured_mib` is an estimate (a team's guess, a
    /// report's example output), not a measurement.
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
    /// Measured CPU per replica (`docker stats`); replaces the model's CPU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_cpu_millicores: Option<Millicores>,
    /// The memory limit per replica written into compose; replaces the default limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_mib: Option<Mib>,
    /// A CPU cap per replica (compose `cpus`); none: no cap below the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_limit_millicores: Option<Millicores>,
    /// `shm_size`; Docker's default is 64 MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shm_mib: Option<Mib>,
    /// Placements (ids in the same option) this one connects to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Queues a task worker consumes (Celery `-Q`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queues: Vec<String>,
    /// The placement's own environment lines (`PLAYWRIGHT_MAX_BROWSERS=1`),
    /// written to the server's `.env` and passed to the container.
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub env: Names<String>,
    /// Secrets it reads, by name, each from a variable the export
    /// generates (`MYSQL_PASSWORD` → `DATABASE_PASSWORD`): never a value.
    /// Every placement naming the same variable gets the same generated
    /// value, so an imported stack whose services shared a password in
    /// its `.env` still shares one.
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub secrets: Names<String>,
    /// What the compose file mounted into it, as Compose's short syntax
    /// (`./pgdata:/var/lib/postgresql/data`, `./nginx.conf:/etc/nginx/nginx.conf:ro`,
    /// `uploads:/app/uploads`): the export mounts them, each in place of the
    /// catalog's volume at the same path, so a stack's data and
    /// configuration stay where they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mounts: Vec<String>,
    /// What the compose file published, as Compose's short syntax
    /// (`8080:80`, `127.0.0.1:5432:5432`, `514:514/udp`): the export
    /// publishes them as written; what `public`, or a dependant on another
    /// server, would publish on a container port already here is not added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<String>,
    /// The command it runs, as exec-form words, when it is your app's and
    /// not one StackFit writes (`celery -A shop worker -l info`,
    /// `node dist/server.js`): kept from an import. It never holds a flag
    /// a knob owns (the kind's `flags`): the export appends the plan's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    /// Reached from outside the private network: its ports are published.
    #[serde(default, skip_serializing_if = "is_false")]
    pub public: bool,
    /// The load it carries at peak (requests or tasks, and their time in
    /// the system), when known: the evaluation derives the concurrency and
    /// memory it needs from it (`crate::fit::load`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<super::LoadInputs>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Placement {
    /// A placement of `service` with catalog defaults, one replica, no overrides.
    ///
    /// ```
    /// use stackfit_core::model::Placement;
    /// let p = Placement::new("db", "postgres").knob("shared_buffers_mib", 256).limit(1024);
    /// assert_eq!(p.knobs["shared_buffers_mib"], 256);
    /// assert_eq!(p.limit_mib, Some(1024));
    /// ```
    pub fn new(id: &str, service: &str) -> Self {
        Placement {
            id: id.to_string(),
            service: service.to_string(),
            image: None,
            port: None,
            knobs: Names::new(),
            replicas: 1,
            measured_mib: None,
            estimated: false,
            measured_cpu_millicores: None,
            limit_mib: None,
            cpu_limit_millicores: None,
            shm_mib: None,
            depends_on: Vec::new(),
            queues: Vec::new(),
            env: Names::new(),
            secrets: Names::new(),
            mounts: Vec::new(),
            ports: Vec::new(),
            command: Vec::new(),
            public: false,
            load: None,
            note: String::new(),
        }
    }

    /// Sets a knob (builder style, for templates and tests).
    pub fn knob(mut self, id: &str, value: i64) -> Self {
        self.knobs.insert(id.to_string(), value);
        self
    }

    pub fn limit(mut self, mib: Mib) -> Self {
        self.limit_mib = Some(mib);
        self
    }

    pub fn measured(mut self, mib: Mib) -> Self {
        self.measured_mib = Some(mib);
        self
    }

    /// A figure someone estimated (not measured): replaces the model's
    /// expected like a measurement, labelled as an estimate.
    pub fn estimate(mut self, mib: Mib) -> Self {
        self.measured_mib = Some(mib);
        self.estimated = true;
        self
    }

    pub fn shm(mut self, mib: Mib) -> Self {
        self.shm_mib = Some(mib);
        self
    }

    pub fn replicas(mut self, n: u32) -> Self {
        self.replicas = n;
        self
    }

    pub fn depends_on(mut self, ids: &[&str]) -> Self {
        self.depends_on = ids.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.note = note.to_string();
        self
    }

    /// Sets the queues a worker consumes (builder style).
    pub fn queues(mut self, queues: &[&str]) -> Self {
        self.queues = queues.iter().map(|q| q.to_string()).collect();
        self
    }

    /// Adds an environment line (builder style).
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.insert(name.to_string(), value.to_string());
        self
    }

    /// Sets the image it runs (builder style).
    pub fn image(mut self, image: &str) -> Self {
        self.image = Some(image.to_string());
        self
    }

    /// Sets the port it listens on (builder style).
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// Sets the load it carries at peak (builder style).
    pub fn load(mut self, load: super::LoadInputs) -> Self {
        self.load = Some(load);
        self
    }

    /// Marks the placement as reached from outside (builder style).
    pub fn public(mut self) -> Self {
        self.public = true;
        self
    }
}

impl Server {
    /// A server of a catalog tier with no placements.
    pub fn new(id: &str, label: &str, tier: &str) -> Self {
        Server {
            id: id.to_string(),
            label: label.to_string(),
            tier: tier.to_string(),
            spec: None,
            usable_mib: None,
            swap_mib: None,
            disk: DiskType::Ssd,
            price: None,
            private_address: None,
            placements: Vec::new(),
        }
    }

    pub fn spec(mut self, vcpu: u32, memory_mib: Mib) -> Self {
        self.spec = Some(ServerSpec { vcpu, memory_mib });
        self
    }

    pub fn price(mut self, monthly_fen: Fen, note: &str) -> Self {
        self.price = Some(PriceOverride {
            monthly_fen,
            note: note.to_string(),
        });
        self
    }

    /// Sets the server's private-network address (builder style).
    ///
    /// ```
    /// use stackfit_core::model::Server;
    /// let a = Server::new("a", "A", "aliyun-ecs-c7-large").private_address("172.16.0.10");
    /// assert_eq!(a.private_address.as_deref(), Some("172.16.0.10"));
    /// ```
    pub fn private_address(mut self, address: &str) -> Self {
        self.private_address = Some(address.to_string());
        self
    }

    /// Declares swap on the server (builder style).
    pub fn swap(mut self, mib: Mib) -> Self {
        self.swap_mib = Some(mib);
        self
    }

    pub fn usable(mut self, mib: Mib) -> Self {
        self.usable_mib = Some(mib);
        self
    }

    pub fn with(mut self, placement: Placement) -> Self {
        self.placements.push(placement);
        self
    }
}

impl PlanOption {
    pub fn new(id: &str, name: &str) -> Self {
        PlanOption {
            id: id.to_string(),
            name: name.to_string(),
            note: String::new(),
            servers: Vec::new(),
            quoted_monthly: None,
            reference: false,
            load: crate::model::multiplier::LOAD_ONE,
        }
    }

    /// Marks the option as kept for comparison only (today's setup).
    pub fn for_reference(mut self) -> Self {
        self.reference = true;
        self
    }

    pub fn with(mut self, server: Server) -> Self {
        self.servers.push(server);
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.note = note.to_string();
        self
    }

    /// The placement with this id and the index of its server.
    pub fn find_placement(&self, id: &str) -> Option<(usize, &Placement)> {
        self.servers
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.placements.iter().find(|p| p.id == id).map(|p| (i, p)))
    }

    pub fn server(&self, id: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.id == id)
    }
}

impl Plan {
    pub fn option(&self, id: &str) -> Option<&PlanOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// An id not in `taken`: `base`, else `base-2`, `base-3`, … Placement ids
/// become compose service names, so they stay readable. Used wherever an id
/// is made up: the app adding a placement, server or option, and
/// `codec::validate` renaming a repeated id.
///
/// ```
/// use stackfit_core::model::fresh_id;
/// assert_eq!(fresh_id("redis", ["postgres"].into_iter()), "redis");
/// assert_eq!(fresh_id("redis", ["redis", "redis-2"].into_iter()), "redis-3");
/// ```
pub fn fresh_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    if !taken.clone().any(|t| t == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .expect("an unused id exists")
}
