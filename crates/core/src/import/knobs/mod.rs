//! Settings in a service's command and environment, read onto the knobs of
//! its catalog service. Each kind reads what its module writes on export
//! (see each kind's `run()`): PostgreSQL's `-c name=value`, Redis's
//! `--maxmemory`, a JVM's `-Xmx` in the variable its image reads, Celery's
//! `--concurrency`… A reading names a knob id; whether the service has that
//! knob, and whether the value is in its range, is checked by the caller
//! against the catalog, so the mapping follows the catalog as it grows.

mod apps;
mod data;

use super::note::{msg, Msg, Pos};
use super::recognise::effective;
use super::service::Draft;
use super::shell;
use crate::model::units::Mib;
use crate::model::{KindId, KnobUnit, ServiceDef};

/// One value read for a knob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    pub knob: &'static str,
    pub value: i64,
    /// As written: "--maxmemory 256mb", "ES_JAVA_OPTS=-Xms1g -Xmx1g".
    pub from: String,
    pub at: Option<Pos>,
}

/// A setting seen and not used, with why.
pub(crate) struct Unused {
    pub at: Option<Pos>,
    pub m: Msg,
}

/// What the command and environment hold for one service.
pub(crate) struct Read<'d> {
    pub def: &'static ServiceDef,
    pub d: &'d Draft,
    /// The long-running command, launchers dropped.
    pub argv: Vec<String>,
    pub limit: Option<Mib>,
    pub readings: Vec<Reading>,
    pub unused: Vec<Unused>,
}

impl<'d> Read<'d> {
    pub fn env(&self, name: &str) -> Option<(&'d str, Pos)> {
        self.d
            .env
            .iter()
            .rev()
            .find(|(k, _, _)| k == name)
            .map(|(_, v, at)| (v.as_str(), *at))
    }

    /// Environment variables whose name passes `f`, in order.
    pub fn env_where(&self, f: impl Fn(&str) -> bool) -> Vec<(&'d str, &'d str, Pos)> {
        self.d
            .env
            .iter()
            .filter(|(k, _, _)| f(k))
            .map(|(k, v, at)| (k.as_str(), v.as_str(), *at))
            .collect()
    }

    pub fn set(&mut self, knob: &'static str, value: i64, from: String, at: Option<Pos>) {
        self.readings.retain(|r| r.knob != knob);
        self.readings.push(Reading {
            knob,
            value,
            from,
            at,
        });
    }

    pub fn unused(&mut self, at: Option<Pos>, en: String, zh: String) {
        self.unused.push(Unused { at, m: msg(en, zh) });
    }

    pub fn cmd_at(&self) -> Option<Pos> {
        self.d.argv_at
    }

    /// A value that could not be read.
    pub fn unreadable(&mut self, what: &str, value: &str, at: Option<Pos>) {
        self.unused(
            at,
            format!("cannot read {what} {value:?}; the catalog default stays"),
            format!("无法读取 {what} 的取值 {value:?}，保留目录默认值"),
        );
    }

    /// The index of `choice` in a choice knob's list, if the service has it.
    pub fn choice(&self, knob: &str, choice: &str) -> Option<i64> {
        match self.def.knob(knob)?.unit {
            KnobUnit::Choice(list) => list.iter().position(|c| *c == choice).map(|i| i as i64),
            _ => None,
        }
    }
}

/// The last value of a flag: `--long value`, `--long=value`, `-s value`,
/// `-sVALUE`; with the words as written.
pub(crate) fn flag(argv: &[String], names: &[&str]) -> Option<(String, String)> {
    let mut found = None;
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        for n in names {
            if a == n {
                if let Some(v) = argv.get(i + 1) {
                    found = Some((v.clone(), format!("{a} {v}")));
                }
            } else if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                found = Some((v.to_string(), a.clone()));
            } else if n.len() == 2
                && !n.starts_with("--")
                && a.starts_with(n)
                && a.len() > 2
                && !a.starts_with("--")
            {
                found = Some((a[2..].to_string(), a.clone()));
            }
        }
        i += 1;
    }
    found
}

/// A count such as "4"; `None` for anything else.
pub(crate) fn count(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok().filter(|v| *v >= 0)
}

/// Reads a service's settings for its catalog entry.
pub(crate) fn read<'d>(def: &'static ServiceDef, d: &'d Draft, limit: Option<Mib>) -> Read<'d> {
    let argv = d
        .commands()
        .last()
        .map(|c| effective(c).to_vec())
        .unwrap_or_default();
    let mut r = Read {
        def,
        d,
        argv,
        limit,
        readings: Vec::new(),
        unused: Vec::new(),
    };
    match def.kind {
        KindId::Postgres => data::postgres(&mut r),
        KindId::Mysql => data::mysql(&mut r),
        KindId::Mongo => data::mongo(&mut r),
        KindId::Redis => data::redis(&mut r),
        KindId::Memcached => data::memcached(&mut r),
        KindId::Rabbitmq => data::rabbitmq(&mut r),
        KindId::ClickHouse => data::clickhouse(&mut r),
        KindId::PgBouncer => data::pgbouncer(&mut r),
        KindId::Neo4j => data::neo4j(&mut r),
        KindId::CeleryPrefork | KindId::CeleryGevent => apps::celery(&mut r),
        KindId::PythonWeb => apps::python_web(&mut r),
        KindId::Puma => apps::puma(&mut r),
        KindId::Sidekiq => apps::sidekiq(&mut r),
        KindId::Jvm | KindId::Elasticsearch => apps::jvm_heap(&mut r),
        KindId::Node => apps::node(&mut r),
        KindId::Dotnet => apps::dotnet(&mut r),
        KindId::PhpFpm => apps::php_fpm(&mut r),
        KindId::Ollama => apps::ollama(&mut r),
        _ => {}
    }
    apps::gomemlimit(&mut r);
    r
}

/// Words of an environment value (for `JAVA_OPTS`, `NODE_OPTIONS`, `*_EXTRA_FLAGS`).
pub(crate) fn words(v: &str) -> Vec<String> {
    shell::words(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::knobs::knob;
    use crate::model::{Category, Deploy, KnobDef, KnobUnit};
    use crate::sources::PLANNER;

    /// A service of `kind` with these knobs, for kinds the catalog may not
    /// list yet: the reading follows the kind and the knob ids.
    fn def(kind: KindId, knobs: &'static [KnobDef]) -> &'static ServiceDef {
        Box::leak(Box::new(ServiceDef {
            id: "test",
            category: Category::Custom,
            name_en: "Test",
            name_zh: "测试",
            images: &[],
            kind,
            knobs,
            presets: &[],
            self_sizing: None,
            assumed: false,
            deploy: Deploy::NONE,
        }))
    }

    fn draft(cmd: &[&str], env: &[(&str, &str)]) -> Draft {
        Draft {
            argv: cmd.iter().map(|s| s.to_string()).collect(),
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string(), Pos::default()))
                .collect(),
            ..Draft::default()
        }
    }

    fn values(r: &Read) -> Vec<(&'static str, i64)> {
        r.readings.iter().map(|x| (x.knob, x.value)).collect()
    }

    const COUNT: KnobUnit = KnobUnit::Count;

    #[test]
    fn kinds_read_their_own_settings() {
        const CH: &[KnobDef] = &[knob(
            "ram_ratio_pct",
            "ratio",
            "比例",
            KnobUnit::Percent,
            90,
            100,
            "",
            PLANNER,
        )];
        let d = draft(
            &[
                "clickhouse-server",
                "--",
                "--max_server_memory_usage_to_ram_ratio=0.5",
            ],
            &[],
        );
        assert_eq!(
            values(&read(def(KindId::ClickHouse, CH), &d, None)),
            [("ram_ratio_pct", 50)]
        );
        let d = draft(
            &[],
            &[("CLICKHOUSE_MAX_SERVER_MEMORY_USAGE_TO_RAM_RATIO", "0.75")],
        );
        assert_eq!(
            values(&read(def(KindId::ClickHouse, CH), &d, None)),
            [("ram_ratio_pct", 75)]
        );

        const PUMA: &[KnobDef] = &[
            knob("workers", "w", "w", COUNT, 0, 64, "", PLANNER),
            knob("threads", "t", "t", COUNT, 5, 64, "", PLANNER),
        ];
        let d = draft(
            &["bundle", "exec", "puma", "-w", "3", "-t", "1:8"],
            &[("RAILS_MAX_THREADS", "5")],
        );
        assert_eq!(
            values(&read(def(KindId::Puma, PUMA), &d, None)),
            [("workers", 3), ("threads", 8)]
        );

        const SK: &[KnobDef] = &[knob("concurrency", "c", "c", COUNT, 5, 100, "", PLANNER)];
        let d = draft(&["bundle", "exec", "sidekiq", "-c", "10"], &[]);
        assert_eq!(
            values(&read(def(KindId::Sidekiq, SK), &d, None)),
            [("concurrency", 10)]
        );

        const FPM: &[KnobDef] = &[
            knob("max_children", "m", "m", COUNT, 5, 500, "", PLANNER),
            knob(
                "memory_limit_mib",
                "l",
                "l",
                KnobUnit::Mib,
                128,
                4096,
                "",
                PLANNER,
            ),
        ];
        let d = draft(
            &["php-fpm"],
            &[
                ("PHP_FPM_PM_MAX_CHILDREN", "20"),
                ("PHP_MEMORY_LIMIT", "256M"),
            ],
        );
        assert_eq!(
            values(&read(def(KindId::PhpFpm, FPM), &d, None)),
            [("max_children", 20), ("memory_limit_mib", 256)]
        );

        const NET: &[KnobDef] = &[knob(
            "gc_heap_pct",
            "g",
            "g",
            KnobUnit::Percent,
            75,
            100,
            "",
            PLANNER,
        )];
        let d = draft(
            &["dotnet", "App.dll"],
            &[("DOTNET_GCHeapHardLimitPercent", "0x32")],
        );
        assert_eq!(
            values(&read(def(KindId::Dotnet, NET), &d, None)),
            [("gc_heap_pct", 50)]
        );
    }

    #[test]
    fn later_settings_win_and_unreadable_ones_are_said() {
        const W: &[KnobDef] = &[knob("workers", "w", "w", COUNT, 1, 64, "", PLANNER)];
        let d = draft(
            &["gunicorn", "app:app", "--workers=6"],
            &[("WEB_CONCURRENCY", "2"), ("GUNICORN_CMD_ARGS", "-w 4")],
        );
        let r = read(def(KindId::PythonWeb, W), &d, None);
        assert_eq!(values(&r), [("workers", 6)]);
        let d = draft(&["gunicorn", "-w", "many"], &[]);
        let r = read(def(KindId::PythonWeb, W), &d, None);
        assert!(r.readings.is_empty());
        assert!(r.unused[0].m.en.contains("cannot read --workers \"many\""));
    }
}
