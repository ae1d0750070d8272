//! Small helpers real stacks run beside their apps: a container healer, a
//! cron-style job scheduler, a mail catcher and a mail relay, an image
//! resizer, metric exporters and an admin-tools shell. Each is sized for
//! what it is — from a published measurement where one exists, else from a
//! planner figure for its runtime (labelled `PLANNER`, confidence C) —
//! instead of the flat figure an unknown image gets. The measurements are in
//! `crates/core/tests/truth/measurements-truth.json`.

use crate::kinds::fixed::{expected, limit, peak};
use crate::kinds::knobs::CPU_LIGHT;
use crate::model::cite as src;
use crate::model::{Category, Confidence, Deploy, KindId, KnobDef, Port, ServiceDef, Source};
use crate::sources::PLANNER;

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &super::built([
    AUTOHEAL,
    OFELIA,
    MAILCATCHER,
    SMTP_RELAY,
    IMGPROXY,
    MONGODB_EXPORTER,
    NATS_EXPORTER,
    TEMPORAL_ADMIN_TOOLS,
]);

const fn exp(mib: i64, note: &'static str, source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note(note),
        ..expected(mib, source)
    }
}

const fn pk(mib: i64, note: &'static str, source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note(note),
        ..peak(mib, source)
    }
}

/// The default limit follows the peak (0 = peak + 15 %), so it carries the peak's source.
const fn lim(source: Source) -> KnobDef {
    KnobDef {
        note: crate::model::knob_note("0 = the peak + 15 %, in 32 MiB steps"),
        ..limit(0, source)
    }
}

/// A fixed-budget helper: its figures, and the image it runs.
const fn helper(
    id: &'static str,
    category: Category,
    names: (&'static str, &'static str),
    images: &'static [&'static str],
    knobs: &'static [KnobDef],
    deploy: Deploy,
) -> ServiceDef {
    ServiceDef {
        id,
        category,
        name_en: names.0,
        name_zh: names.1,
        images,
        kind: KindId::Fixed,
        knobs,
        presets: &[],
        self_sizing: None,
        assumed: false,
        deploy,
    }
}

// ---------------------------------------------------------------------------
// Sources.

const OFELIA_MAILCOW: Source = src(
    "mailcow/mailcow-dockerized#4272: ofelia daemon --docker RSS 141,872 KiB at boot, 231,884 KiB after 5 hours, 198,476 KiB after 6 days",
    "https://github.com/mailcow/mailcow-dockerized/issues/4272",
    "2021-09-17",
    Confidence::B,
);
const OFELIA_MAILCOW_2025: Source = src(
    "mailcow/mailcow-dockerized#5807: the ofelia-mailcow scheduler consumes a minimum of 215MB on a 2 GiB relay (2025)",
    "https://github.com/mailcow/mailcow-dockerized/issues/5807",
    "2025-09-24",
    Confidence::B,
);
const MONGODB_EXPORTER_MEMORY: Source = src(
    "percona/mongodb_exporter#990: a sidecar exporter uses ~50 MB on 0.40 and 0.42, ~500 MB on 0.43 with the same replica set and flags",
    "https://github.com/percona/mongodb_exporter/issues/990",
    "2024-12-12",
    Confidence::B,
);

const IMGPROXY_PEAK: Source = src(
    "DarthSim (imgproxy maintainer) gist: imgproxy vs alternatives benchmark, concurrency 8, ab -c 4 resizing a 29 MB 7360x4912 JPEG to 500x500 on 4 CPUs: memory peak 194 MB (gist last active 2025-02-26)",
    "https://gist.github.com/DarthSim/9d971d2859f3714a29cf8ce094b3fc55",
    "2025-02-26",
    Confidence::B,
);

// ---------------------------------------------------------------------------

/// willfarrell/autoheal: a shell loop that asks the Docker socket for
/// unhealthy containers (curl, jq) every AUTOHEAL_INTERVAL seconds.
#[rustfmt::skip]
pub const AUTOHEAL: ServiceDef = helper(
    "autoheal",
    Category::Monitoring,
    ("autoheal (restarts unhealthy containers)", "autoheal 自动重启不健康容器"),
    &["willfarrell/autoheal"],
    &[
        exp(8, "a shell loop calling curl and jq against the Docker socket; no measurement found, planner figure for an Alpine shell script", PLANNER),
        pk(32, "while listing many containers; planner figure", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    // It needs the bind /var/run/docker.sock:/var/run/docker.sock and
    // containers labelled autoheal=true (or AUTOHEAL_CONTAINER_LABEL=all).
    Deploy {
        command: &["autoheal"],
        ..Deploy::image("willfarrell/autoheal", "1.2.0")
    },
);

/// mcuadros/ofelia: a Go job scheduler reading Docker labels (mailcow's
/// cron). Measured far above what a scheduler needs, and growing with time.
#[rustfmt::skip]
pub const OFELIA: ServiceDef = helper(
    "ofelia",
    Category::Platform,
    ("Ofelia (Docker job scheduler)", "Ofelia 容器定时任务调度"),
    &["mcuadros/ofelia", "netresearch/ofelia"],
    &[
        exp(200, "mailcow's ofelia: 215 MB minimum (2025), 194 MiB after 6 days (2021)", OFELIA_MAILCOW_2025),
        pk(226, "226 MiB RSS after 5 hours of mailcow's jobs", OFELIA_MAILCOW),
        lim(OFELIA_MAILCOW),
        CPU_LIGHT,
    ],
    // `daemon --docker` needs the Docker socket bind, read-only.
    Deploy {
        command: &["daemon", "--docker"],
        ..Deploy::image("mcuadros/ofelia", "0.3.22")
    },
);

/// sj26/mailcatcher: one Ruby process (EventMachine SMTP + Sinatra web UI)
/// that keeps caught mail in memory.
#[rustfmt::skip]
pub const MAILCATCHER: ServiceDef = helper(
    "mailcatcher",
    Category::Platform,
    ("MailCatcher (development mail catcher)", "MailCatcher 开发用邮件捕获"),
    &["sj26/mailcatcher", "schickling/mailcatcher", "dockage/mailcatcher"],
    &[
        exp(40, "one Ruby process with EventMachine and Sinatra loaded; no measurement found, planner figure", PLANNER),
        pk(128, "caught messages are kept in memory until cleared; planner figure", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    Deploy {
        ports: &[Port::new(1025, "SMTP"), Port::new(1080, "web UI")],
        ..Deploy::image("sj26/mailcatcher", "v0.11.0")
    },
);

/// An Exim mail relay image (Sentry's `smtp`): a forking MTA, one small
/// process per delivery.
#[rustfmt::skip]
pub const SMTP_RELAY: ServiceDef = helper(
    "smtp-relay",
    Category::Platform,
    ("SMTP relay (Exim)", "SMTP 邮件中继（Exim）"),
    &["egos-tech/smtp", "tianon/exim4", "namshi/smtp", "ixdotai/smtp"],
    &[
        exp(16, "an idle Exim daemon; no measurement found, planner figure for a forking C MTA", PLANNER),
        pk(64, "a burst of deliveries forks a process each; planner figure", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    Deploy {
        ports: &[Port::new(25, "SMTP")],
        ..Deploy::image("registry.gitlab.com/egos-tech/smtp", "1.1.5")
    },
);

/// darthsim/imgproxy: a Go server resizing images with libvips; memory
/// follows the images in flight (IMGPROXY_CONCURRENCY, IMGPROXY_MAX_SRC_RESOLUTION).
#[rustfmt::skip]
pub const IMGPROXY: ServiceDef = helper(
    "imgproxy",
    Category::Web,
    ("imgproxy (image resizing)", "imgproxy 图片处理服务"),
    &["darthsim/imgproxy"],
    &[
        exp(64, "a Go server with libvips loaded, no image in flight; no measurement found, planner figure", PLANNER),
        pk(194, "4 large images in flight (the default concurrency of twice the CPUs on a 2 vCPU server): the maintainer's benchmark peaked at 194 MB resizing a 29 MB 7360×4912 JPEG; imgproxy 4.0.11 with 8–16 in flight on 16 threads peaked at 271 MB (82 MB with a 2000×1333 source)", IMGPROXY_PEAK),
        lim(IMGPROXY_PEAK),
        CPU_LIGHT,
    ],
    Deploy {
        ports: &[Port::new(8080, "HTTP")],
        healthcheck: &["CMD", "imgproxy", "health"],
        ..Deploy::image("darthsim/imgproxy", "v3.30.1")
    },
);

/// percona/mongodb_exporter: a Go exporter whose memory follows the
/// collectors enabled and the databases it walks.
#[rustfmt::skip]
pub const MONGODB_EXPORTER: ServiceDef = helper(
    "mongodb-exporter",
    Category::Monitoring,
    ("MongoDB exporter (Percona)", "MongoDB 指标导出器（Percona）"),
    &["percona/mongodb_exporter", "bitnami/mongodb-exporter"],
    &[
        exp(50, "~50 MB on 0.40 and 0.42 for a three-node replica set", MONGODB_EXPORTER_MEMORY),
        pk(500, "0.43 used ~500 MB with the same flags; whether 0.44 keeps that is not known", MONGODB_EXPORTER_MEMORY),
        lim(MONGODB_EXPORTER_MEMORY),
        CPU_LIGHT,
    ],
    Deploy {
        ports: &[Port::new(9216, "/metrics")],
        ..Deploy::image("percona/mongodb_exporter", "0.44.0")
    },
);

/// natsio/prometheus-nats-exporter: a small Go exporter polling NATS's
/// monitoring endpoints.
#[rustfmt::skip]
pub const NATS_EXPORTER: ServiceDef = helper(
    "nats-exporter",
    Category::Monitoring,
    ("NATS exporter", "NATS 指标导出器"),
    &["natsio/prometheus-nats-exporter"],
    &[
        exp(12, "a Go exporter polling /varz; no measurement found, planner figure alongside node-exporter's measured 8 MiB", PLANNER),
        pk(32, "a scrape of many connections and subscriptions; planner figure", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    Deploy {
        ports: &[Port::new(7777, "/metrics")],
        ..Deploy::image("natsio/prometheus-nats-exporter", "0.17.3")
    },
);

/// temporalio/admin-tools: a shell with tctl and the temporal CLI that
/// idles (`tail -f /dev/null`, or a TTY) until an operator runs a command.
#[rustfmt::skip]
pub const TEMPORAL_ADMIN_TOOLS: ServiceDef = helper(
    "temporal-admin-tools",
    Category::Queue,
    ("Temporal admin tools", "Temporal 管理工具容器"),
    &["temporalio/admin-tools"],
    &[
        exp(4, "an idle shell; no measurement found, planner figure", PLANNER),
        pk(96, "while an operator runs tctl or the temporal CLI (a Go binary); planner figure", PLANNER),
        lim(PLANNER),
        CPU_LIGHT,
    ],
    Deploy {
        command: &["tail", "-f", "/dev/null"],
        ..Deploy::image("temporalio/admin-tools", "1.20.0")
    },
);

#[cfg(test)]
mod tests {
    use crate::catalog::image_repository;

    /// Every helper can be deployed from a published tag (never "latest")
    /// of an image it matches, with a port, a healthcheck or a command.
    #[test]
    fn helpers_have_deploy_data() {
        for s in super::SERVICES {
            let d = &s.deploy;
            assert!(
                s.images.contains(&image_repository(d.image).as_str()),
                "{}: deploys {} but matches {:?}",
                s.id,
                d.image,
                s.images
            );
            assert!(!d.tag.is_empty() && !d.tag.contains("latest"), "{}", s.id);
            assert!(
                !d.ports.is_empty() || !d.healthcheck.is_empty() || !d.command.is_empty(),
                "{}",
                s.id
            );
        }
    }
}
