//! Service kinds: how a service uses memory and CPU, the settings it derives
//! from its memory limit, what it writes when deployed and its own rules.
//! One module per kind, registered once in [`kind`]; evaluation, the
//! inspector and the exporters ask the kind through [`Kind`], so the numbers
//! a user sees are the numbers written into files.
//!
//! A kind is behaviour (a PostgreSQL, a Redis, a Celery prefork worker, a
//! JVM, a fixed budget…); a catalog service is data (names, images, knob
//! defaults with their sources) that names its kind.

pub mod beam;
pub mod celery;
pub mod chromium;
pub mod clickhouse;
pub mod command;
pub mod dotnet;
pub mod fixed;
pub mod go;
pub mod jvm;
pub mod knobs;
pub mod mongo;
pub mod mysql;
pub mod node;
pub mod ollama;
pub mod pgbouncer;
pub mod php_fpm;
pub mod postgres;
pub mod prometheus;
pub mod python_web;
pub mod rabbitmq;
pub mod redis;
pub mod ruby;
pub mod vector_db;

use serde::Serialize;

use crate::findings::{Finding, Severity};
use crate::model::units::{Mib, Millicores};
use crate::model::{KindId, KnobDef, Placement, PlanOption, Server, ServiceDef};

/// The registry: each kind's id and the type that implements it. Adding a
/// kind is a module above and one line here.
macro_rules! registry {
    ($($id:ident => $kind:expr),* $(,)?) => {
        /// Returns the kind that implements `id`.
        pub fn kind(id: KindId) -> &'static dyn Kind {
            match id {
                $(KindId::$id => &$kind,)*
            }
        }

        /// What kind `id` writes to run a placement ([`Kind::run`]). Called
        /// by the exporters only, and dispatched here rather than through
        /// [`kind`]'s trait object, so a build that never exports (the
        /// planner's wasm) carries none of it.
        pub fn run(id: KindId, cx: &Cx, tuned: &Tuned) -> Run {
            match id {
                $(KindId::$id => $kind.run(cx, tuned),)*
            }
        }

        /// The command-line flags kind `id`'s knobs own ([`Kind::flags`]).
        pub fn flags(id: KindId) -> &'static [&'static str] {
            match id {
                $(KindId::$id => $kind.flags(),)*
            }
        }
    };
}

registry! {
    Postgres => postgres::Postgres,
    Mysql => mysql::Mysql,
    Mongo => mongo::Mongo,
    Redis => redis::Redis,
    Memcached => fixed::Memcached,
    Rabbitmq => rabbitmq::Rabbitmq,
    Jvm => jvm::Jvm,
    Elasticsearch => jvm::Elasticsearch,
    Neo4j => jvm::Neo4j,
    VectorDb => vector_db::VectorDb,
    Prometheus => prometheus::Prometheus,
    Node => node::Node,
    Go => go::Go,
    PythonWeb => python_web::PythonWeb,
    CeleryPrefork => celery::Prefork,
    CeleryGevent => celery::Gevent,
    Chromium => chromium::Chromium,
    Fixed => fixed::Fixed,
    ClickHouse => clickhouse::ClickHouse,
    Puma => ruby::Puma,
    Sidekiq => ruby::Sidekiq,
    Beam => beam::Beam,
    PhpFpm => php_fpm::PhpFpm,
    Dotnet => dotnet::Dotnet,
    Ollama => ollama::Ollama,
    PgBouncer => pgbouncer::PgBouncer,
}

/// What a placement sees of its host.
#[derive(Clone, Copy, Debug)]
pub struct HostView {
    /// Memory the OS sees on the server.
    pub usable_mib: Mib,
    pub vcpu: u32,
    pub disk: crate::model::DiskType,
}

impl HostView {
    /// A host with `usable_mib` of memory and `vcpu` CPUs on an SSD.
    pub const fn new(usable_mib: Mib, vcpu: u32) -> Self {
        HostView {
            usable_mib,
            vcpu,
            disk: crate::model::DiskType::Ssd,
        }
    }
}

/// One placement as a kind is asked about it: its catalog entry, the plan's
/// placement and the host it runs on.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub def: &'a ServiceDef,
    pub placement: &'a Placement,
    pub host: HostView,
}

impl<'a> Cx<'a> {
    pub fn new(def: &'a ServiceDef, placement: &'a Placement, host: HostView) -> Self {
        Cx {
            def,
            placement,
            host,
        }
    }

    /// A knob's value: the plan's, else the catalog default; negative reads as 0.
    pub fn knob(&self, id: &str) -> u64 {
        self.placement
            .knobs
            .get(id)
            .copied()
            .unwrap_or_else(|| self.def.knob_default(id))
            .max(0) as u64
    }

    /// A knob's value, or `fallback`'s default when the service does not
    /// have the knob (a kind-wide figure with its own source).
    pub fn knob_or(&self, fallback: &KnobDef) -> u64 {
        match self.placement.knobs.get(fallback.id) {
            Some(v) => (*v).max(0) as u64,
            None => self
                .def
                .knob(fallback.id)
                .map_or(fallback.default, |k| k.default)
                .max(0) as u64,
        }
    }

    /// The plan's own value for a knob, when it sets one.
    pub fn set(&self, id: &str) -> Option<i64> {
        self.placement.knobs.get(id).copied()
    }

    /// True when the service has this knob at all.
    pub fn has(&self, id: &str) -> bool {
        self.def.knob(id).is_some()
    }

    /// The memory limit the plan sets, if any.
    pub fn limit(&self) -> Option<Mib> {
        self.placement.limit_mib
    }
}

/// A kind's own figures for one replica.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Raw {
    /// Typical working set.
    pub expected_mib: Mib,
    /// Worst case of this replica alone (a fork, a heap at its max, every task at its payload).
    pub peak_mib: Mib,
    pub cpu_millicores: Millicores,
    /// Processes that each hold their own database pool.
    pub processes: u64,
    /// JVM / Node / .NET heap at its maximum, when the runtime has one.
    pub heap_mib: Option<Mib>,
    /// Memory added at peak by headless Chromium.
    pub browser_peak_mib: Mib,
    /// Memory depends on what the process sees (an auto-sized heap or cache).
    pub self_sized: bool,
    /// A default limit the catalog gives (fixed budgets).
    pub fixed_limit_mib: Option<Mib>,
}

impl Raw {
    pub fn new(expected_mib: Mib, peak_mib: Mib, cpu_millicores: Millicores) -> Self {
        Raw {
            expected_mib,
            peak_mib: peak_mib.max(expected_mib),
            cpu_millicores,
            processes: 1,
            ..Raw::default()
        }
    }
}

/// Margin a default limit keeps over the modelled peak, in percent. The same
/// 15 % the headroom target uses: a limit is the per-container version of it.
pub const DEFAULT_LIMIT_MARGIN_PCT: u64 = 15;

/// Limits are rounded up to this many MiB, as people write them (…, 448m, 512m).
pub const LIMIT_STEP_MIB: Mib = 32;

/// Docker's default /dev/shm (docker run --help, B).
pub const DOCKER_DEFAULT_SHM_MIB: Mib = 64;

/// `mib` rounded up to a multiple of `step`.
pub fn round_up(mib: Mib, step: Mib) -> Mib {
    mib.div_ceil(step.max(1)).saturating_mul(step.max(1))
}

/// The limit a peak needs: the peak plus [`DEFAULT_LIMIT_MARGIN_PCT`], in
/// [`LIMIT_STEP_MIB`] steps.
///
/// ```
/// assert_eq!(stackfit_core::kinds::limit_for_peak(400), 480);
/// ```
pub fn limit_for_peak(mib: Mib) -> Mib {
    round_up(
        mib.saturating_mul(100 + DEFAULT_LIMIT_MARGIN_PCT) / 100,
        LIMIT_STEP_MIB,
    )
}

/// One setting a kind derives from a limit, as the inspector shows it and the
/// exporters write it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// As the service spells it: "shared_buffers", "--maxmemory", "GOMEMLIMIT".
    pub name: &'static str,
    /// As it is written: "128MB", "223mb", "-Xms512m -Xmx512m".
    pub value: String,
    pub rule_en: &'static str,
    pub rule_zh: &'static str,
    /// The limit cannot hold what this setting needs: the value written is a
    /// floor and the limit must grow.
    pub too_small: bool,
}

impl Setting {
    pub fn new(name: &'static str, value: String, rule: (&'static str, &'static str)) -> Self {
        Setting {
            name,
            value,
            rule_en: rule.0,
            rule_zh: rule.1,
            too_small: false,
        }
    }

    pub fn too_small(mut self, yes: bool) -> Self {
        self.too_small = yes;
        self
    }
}

/// The settings a placement's container is given, typed per kind: the plan's
/// own value for every setting a knob holds, and for the rest what the kind
/// derives from the limit. Computed once during evaluation and kept in the
/// report; the inspector shows [`Tuned::settings`] and the kind's
/// [`Kind::run`] writes the same values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Tuned {
    #[default]
    None,
    Postgres(postgres::PgTuned),
    Mysql(mysql::MysqlTuned),
    Mongo(mongo::MongoTuned),
    Redis(redis::RedisTuned),
    Rabbitmq(rabbitmq::RabbitTuned),
    Heap(jvm::HeapTuned),
    Neo4j(jvm::Neo4jTuned),
    GoMemLimit(go::GoTuned),
    Prefork(celery::PreforkTuned),
    Gevent(celery::GeventTuned),
    Workers(python_web::WorkersTuned),
    ClickHouse(clickhouse::ClickHouseTuned),
    Dotnet(dotnet::DotnetTuned),
    PhpFpm(php_fpm::PhpFpmTuned),
}

impl Tuned {
    /// The settings as they are written, each with its rule.
    pub fn settings(&self) -> Vec<Setting> {
        match self {
            Tuned::None => Vec::new(),
            Tuned::Postgres(t) => t.settings(),
            Tuned::Mysql(t) => t.settings(),
            Tuned::Mongo(t) => t.settings(),
            Tuned::Redis(t) => t.settings(),
            Tuned::Rabbitmq(t) => t.settings(),
            Tuned::Heap(t) => t.settings(),
            Tuned::Neo4j(t) => t.settings(),
            Tuned::GoMemLimit(t) => t.settings(),
            Tuned::Prefork(t) => t.settings(),
            Tuned::Gevent(t) => t.settings(),
            Tuned::Workers(t) => t.settings(),
            Tuned::ClickHouse(t) => t.settings(),
            Tuned::Dotnet(t) => t.settings(),
            Tuned::PhpFpm(t) => t.settings(),
        }
    }
}

/// A knob whose plan value differs from what tuning for the limit gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub knob: &'static str,
    /// The plan's value (explicit or the catalog default).
    pub plan: i64,
    /// What tuning for the limit gives.
    pub tuned: i64,
    /// The plan's value risks the limit (uses more than the tuning allows),
    /// rather than merely leaving memory unused.
    pub risky: bool,
}

impl Suggestion {
    /// A suggestion when `plan` ≠ `tuned`; risky when the plan's value is above it.
    pub fn compare(knob: &'static str, plan: i64, tuned: i64) -> Option<Suggestion> {
        (plan != tuned).then_some(Suggestion {
            knob,
            plan,
            tuned,
            risky: plan > tuned,
        })
    }
}

/// Tuning one placement for its limit: what is written, and where tuning
/// would change a value the plan holds (a finding with a fix, never a
/// silent rewrite on export).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tuning {
    /// The limit per replica the settings are for.
    pub limit_mib: Mib,
    pub written: Tuned,
    pub suggestions: Vec<Suggestion>,
}

/// What a container runs: the command (arguments after the image's
/// entrypoint) and environment its plan values turn into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub command: Vec<String>,
    /// What the user must change in the command (their app's module), en and zh.
    pub command_note: Option<(&'static str, &'static str)>,
    pub env: Vec<(String, String)>,
    /// Why a value is written as it is.
    pub notes: Vec<String>,
}

/// Memory a kind needs in /dev/shm, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShmNeed {
    pub mib: Mib,
    pub why_en: &'static str,
    pub why_zh: &'static str,
    pub severity: Severity,
}

/// Database connections one replica of a placement holds to each database
/// it depends on: what it will hold at peak, and the worst case when every
/// process fills its pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connections {
    pub likely: u64,
    pub worst: u64,
    /// Processes holding a pool, and the pool each may open.
    pub processes: u64,
    pub pool: u64,
    /// The most each process can use at once (one task in a prefork child).
    pub per_process_in_use: u64,
}

/// The knob that counts a kind's units of concurrent work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LoadUnit {
    pub knob: &'static str,
    /// Requests or tasks one unit (process, child, greenlet) holds at once.
    pub holds: u64,
}

/// What a kind's rules see of one placement.
pub struct RuleCx<'a> {
    pub cx: Cx<'a>,
    pub option: &'a PlanOption,
    pub server: &'a Server,
    /// One replica's figures as the evaluation uses them.
    pub expected_mib: Mib,
    pub peak_mib: Mib,
    pub browser_peak_mib: Mib,
    /// The limit per replica: the plan's, or the default.
    pub limit_mib: Mib,
    pub tuning: &'a Tuning,
    /// Placements of the option that depend on this one, with their services.
    pub dependents: &'a [(&'a Placement, &'static ServiceDef)],
    /// The value of the kind's load knob its load inputs need per replica,
    /// when it has load inputs (`crate::fit::load`).
    pub load_needed: Option<u64>,
}

impl RuleCx<'_> {
    /// A finding about this placement on this server.
    pub fn finding(&self, kind: crate::findings::FindingKind, severity: Severity) -> Finding {
        Finding::new(kind, severity, &self.server.id).at(&self.cx.placement.id)
    }
}

/// Everything the engine knows about one kind of service.
pub trait Kind: Sync {
    /// Memory and CPU of one replica when the process sees `sees_mib` of
    /// memory (its limit, else the host's usable memory).
    fn footprint(&self, cx: &Cx, sees_mib: Mib) -> Raw;

    /// The settings written for a container with `limit_mib`, and the
    /// plan's knobs that tuning would change.
    fn tune(&self, _cx: &Cx, limit_mib: Mib) -> Tuning {
        Tuning {
            limit_mib,
            ..Tuning::default()
        }
    }

    /// The command and environment that carry the plan's values into the
    /// container. The default writes nothing beyond the catalog's command.
    ///
    /// Not part of the trait object (`Self: Sized`): reached through
    /// [`run`], which only the exporters call.
    fn run(&self, cx: &Cx, _tuned: &Tuned) -> Run
    where
        Self: Sized,
    {
        Run {
            command: cx
                .def
                .deploy
                .command
                .iter()
                .map(|s| s.to_string())
                .collect(),
            command_note: cx.def.deploy.command_note,
            ..Run::default()
        }
    }

    /// The command-line flags its knobs own, which a command kept from an
    /// import must not hold: the plan's values are written instead (in
    /// the command, or through the environment the kind writes, which a
    /// flag on the command line would override). A flag is matched as
    /// `--flag value`, `--flag=value`, and for a one-letter flag
    /// `-c4`; one starting with `-X` (the JVM's) as a prefix
    /// (`-Xmx512m`). See [`command`].
    fn flags(&self) -> &'static [&'static str]
    where
        Self: Sized,
    {
        &[]
    }

    /// The kind's own findings.
    fn rules(&self, _rx: &RuleCx, _out: &mut Vec<Finding>) {}

    /// /dev/shm the kind needs, if more than Docker's default could be.
    fn shm_needed(&self, _cx: &Cx) -> Option<ShmNeed> {
        None
    }

    /// Connections one replica holds to a database it depends on, when it
    /// has a pool (`db_pool` knob). The default: one pool per process, each
    /// process using all of it.
    fn db_connections(&self, cx: &Cx, processes: u64) -> Option<Connections> {
        let pool = cx.knob("db_pool");
        (cx.has("db_pool") && pool > 0).then(|| Connections {
            likely: processes.saturating_mul(pool),
            worst: processes.saturating_mul(pool),
            processes,
            pool,
            per_process_in_use: pool,
        })
    }

    /// The knobs that grow with load (traffic, tasks, clients) and their
    /// effective values now (an "auto" 0 read as what the service really
    /// starts, e.g. Celery's one child per host CPU). The what-if multiplier
    /// (`crate::whatif`) scales exactly these; everything else a kind holds
    /// (heaps, caches, buffer pools, fixed budgets) is sized by configuration,
    /// not by load, and stays. The default: nothing moves with load.
    fn load_knobs(&self, _cx: &Cx) -> Vec<(&'static str, u64)> {
        Vec::new()
    }

    /// The knob that counts units of concurrent work and how many requests
    /// or tasks one unit holds at once, for deriving it from load inputs
    /// (`crate::fit::load`). The default: none (the kind's concurrency is
    /// not a count of processes, or it takes no load).
    fn load_unit(&self, _cx: &Cx) -> Option<LoadUnit> {
        None
    }

    /// When the kind is a database: the connections it accepts from clients
    /// (max_connections less any reserved slots) and the reserved slots.
    fn accepts_connections(&self, _cx: &Cx) -> Option<(u64, u64)> {
        None
    }
}

#[cfg(test)]
mod tests;
