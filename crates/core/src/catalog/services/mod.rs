//! The service catalog: every built-in service with its knobs, each default
//! number with its source (see `sources`), presets and the images it matches.

/// An environment line's reason (`EnvSpec::why_en`, `why_zh`), compiled
/// in only where a binary writes or shows it itself (the exporters', the
/// CLI's and the tests' builds). The planner and its extras leave it out
/// and show it from the citations file (`citations::EnvWhy`).
macro_rules! why {
    ($text:literal) => {
        if crate::catalog::services::WHY_KEPT {
            $text
        } else {
            ""
        }
    };
}

/// Whether this build keeps the environment lines' reasons ([`why!`]).
const WHY_KEPT: bool = cfg!(any(feature = "export", feature = "citations"));

mod ai;
mod caches;
mod databases;
mod edge;
mod helpers;
mod monitoring;
mod platform;
mod queues;
mod runtimes;
mod search;
mod stacks;
mod storage;
mod workers;

pub use crate::kinds::redis::PERSISTENCE;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::ServiceDef;

/// A file's services as this build keeps them, each one's deploy data
/// through [`crate::model::Deploy::for_build`]: each file lists its
/// services through this, so the deploy data a build leaves out never
/// reaches its binary. (Image names stay: the palette searches and shows
/// them.)
const fn built<const N: usize>(mut list: [ServiceDef; N]) -> [ServiceDef; N] {
    let mut i = 0;
    while i < N {
        list[i].deploy = list[i].deploy.for_build();
        i += 1;
    }
    list
}

/// Every built-in service, grouped by file in palette order.
static SERVICES: LazyLock<Vec<ServiceDef>> = LazyLock::new(|| {
    [
        databases::SERVICES,
        caches::SERVICES,
        queues::SERVICES,
        search::SERVICES,
        storage::SERVICES,
        monitoring::SERVICES,
        edge::SERVICES,
        runtimes::SERVICES,
        workers::SERVICES,
        ai::SERVICES,
        platform::SERVICES,
        stacks::SERVICES,
        helpers::SERVICES,
    ]
    .concat()
});

/// FNV-1a: the catalog's maps are keyed by short ids and image names the
/// catalog itself holds, so they need no defence against chosen keys, and
/// the evaluation looks them up for every placement several times over
/// (SipHash, the default, was a twentieth of an evaluation).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Map = HashMap<&'static str, usize, std::hash::BuildHasherDefault<Fnv>>;

/// Services by id.
static BY_ID: LazyLock<Map> = LazyLock::new(|| {
    SERVICES
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect()
});

/// Services by the image repositories they match (registry-less).
static BY_IMAGE: LazyLock<Map> = LazyLock::new(|| {
    let mut map = Map::default();
    for (i, s) in SERVICES.iter().enumerate() {
        for image in s.images {
            map.entry(*image).or_insert(i);
        }
    }
    map
});

/// Looks a service up by id.
pub fn service(id: &str) -> Option<&'static ServiceDef> {
    BY_ID.get(id).map(|&i| &SERVICES[i])
}

/// Every built-in service, in palette order.
pub fn services() -> &'static [ServiceDef] {
    &SERVICES
}

/// An image reference as the catalog keys it: no registry host, no tag,
/// no digest, no `library/`, and Bitnami's legacy repository read as Bitnami.
///
/// ```
/// use stackfit_core::catalog::image_repository;
/// assert_eq!(image_repository("docker.io/library/postgres:16-alpine"), "postgres");
/// assert_eq!(image_repository("ghcr.io/immich-app/immich-server:v1.132.0"), "immich-app/immich-server");
/// assert_eq!(image_repository("redis@sha256:0123abcd"), "redis");
/// assert_eq!(image_repository("localhost:5000/team/api:1.2"), "team/api");
/// assert_eq!(image_repository("bitnamilegacy/postgresql:16"), "bitnami/postgresql");
/// assert_eq!(image_repository("Docker.Elastic.co/elasticsearch/elasticsearch:8.15.0"), "elasticsearch/elasticsearch");
/// ```
pub fn image_repository(image: &str) -> String {
    let image = image.trim().to_ascii_lowercase();
    let no_digest = image.split('@').next().unwrap_or(&image);
    let no_tag = match no_digest.rfind(':') {
        Some(i) if !no_digest[i..].contains('/') => &no_digest[..i],
        _ => no_digest,
    };
    // A first component with a dot or a port, or "localhost", is a registry host.
    let path = match no_tag.split_once('/') {
        Some((host, rest)) if host.contains('.') || host.contains(':') || host == "localhost" => {
            rest
        }
        _ => no_tag,
    };
    let path = path.strip_prefix("library/").unwrap_or(path);
    match path.strip_prefix("bitnamilegacy/") {
        Some(rest) => format!("bitnami/{rest}"),
        None => path.to_string(),
    }
}

/// The service whose images include `image`, whatever its registry, tag or
/// digest: "postgres:16-alpine" → PostgreSQL, "docker.io/valkey/valkey:8" → Valkey.
///
/// ```
/// use stackfit_core::catalog::service_for_image;
/// assert_eq!(service_for_image("bitnami/postgresql:16").unwrap().id, "postgres");
/// assert_eq!(service_for_image("valkey/valkey:8.0").unwrap().id, "valkey");
/// assert!(service_for_image("example/unknown").is_none());
/// ```
pub fn service_for_image(image: &str) -> Option<&'static ServiceDef> {
    BY_IMAGE
        .get(image_repository(image).as_str())
        .map(|&i| &SERVICES[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    #[test]
    fn service_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<_> = services().iter().map(|s| s.id).collect();
        for id in &ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id} is not kebab-case"
            );
        }
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate service id");
    }

    /// The issue names these services; the palette and templates rely on the ids.
    #[test]
    fn catalog_has_every_service_the_issue_names() {
        for id in [
            "postgres",
            "mysql",
            "mongodb",
            "redis",
            "valkey",
            "memcached",
            "rabbitmq",
            "kafka",
            "zookeeper",
            "elasticsearch",
            "logstash",
            "kibana",
            "neo4j",
            "weaviate",
            "prometheus",
            "grafana",
            "alertmanager",
            "nginx",
            "fastapi",
            "gunicorn",
            "sanic",
            "celery-prefork",
            "celery-gevent",
            "celery-beat",
            "flower",
            "playwright",
            "node",
            "spring-boot",
            "go-service",
            "static-frontend",
            "minio",
            "custom",
        ] {
            assert!(crate::catalog::service(id).is_some(), "missing {id}");
        }
    }

    #[test]
    fn every_knob_default_is_in_range_and_cited() {
        for s in services() {
            let mut ids: Vec<_> = s.knobs.iter().map(|k| k.id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), s.knobs.len(), "{}: duplicate knob", s.id);
            for k in s.knobs {
                assert!(
                    k.min <= k.default && k.default <= k.max,
                    "{}.{} default out of range",
                    s.id,
                    k.id
                );
                assert!(
                    !k.source.title.is_empty() && k.source.date.len() == 10,
                    "{}.{} uncited",
                    s.id,
                    k.id
                );
                assert!(
                    !k.name_en.is_empty() && !k.name_zh.is_empty(),
                    "{}.{} unnamed",
                    s.id,
                    k.id
                );
            }
            for p in s.presets {
                for (knob, value) in p.values {
                    let k = s.knob(knob).unwrap_or_else(|| {
                        panic!("{} preset {} names unknown knob {knob}", s.id, p.id)
                    });
                    assert!(
                        (k.min..=k.max).contains(value),
                        "{} preset {} {knob}",
                        s.id,
                        p.id
                    );
                }
            }
        }
    }

    #[test]
    fn every_category_has_a_service_and_images_are_unique() {
        for c in Category::ALL {
            assert!(services().iter().any(|s| s.category == c), "{c:?} empty");
        }
        let mut images: Vec<_> = services().iter().flat_map(|s| s.images.iter()).collect();
        images.sort();
        let n = images.len();
        images.dedup();
        assert_eq!(n, images.len(), "an image matches two services");
    }

    fn source_of(service: &str, knob: &str) -> crate::model::Source {
        crate::catalog::service(service)
            .unwrap()
            .knob(knob)
            .unwrap_or_else(|| panic!("{service}.{knob}"))
            .source
    }

    /// Presets cited the S0 report for values it never states (shared_buffers
    /// 128/256/1024, max_connections 50/100/150, 4 workers, concurrency 4,
    /// Redis 512 MiB with RDB).
    #[test]
    fn presets_citing_the_s0_report_hold_only_s0_figures() {
        let s0 = [
            ("workers", 1),
            ("workers", 2),
            ("concurrency", 1),
            ("concurrency", 2),
            ("maxmemory_mib", 256),
            ("persistence", 0),
        ];
        for def in services() {
            for p in def.presets {
                if p.source == crate::sources::REPORT_S0 {
                    for v in p.values {
                        assert!(s0.contains(v), "{} {}: {v:?} is not in S0", def.id, p.id);
                    }
                } else {
                    assert_eq!(p.source.confidence, crate::model::Confidence::C);
                }
            }
        }
    }

    /// The catalog keys images as `image_repository` normalises them, and no
    /// image names two services.
    #[test]
    fn catalog_images_are_normalised_and_unique() {
        let mut seen = std::collections::HashMap::new();
        for s in services() {
            for image in s.images {
                assert_eq!(image_repository(image), *image, "{}: {image}", s.id);
                if let Some(other) = seen.insert(*image, s.id) {
                    panic!("{image} names both {other} and {}", s.id);
                }
            }
        }
    }

    /// OpenSearch ships -Xms1g -Xmx1g; Elasticsearch's auto heap model is
    /// wrong for it, so its own entry holds that fixed heap.
    #[test]
    fn opensearch_is_not_modelled_as_elasticsearch() {
        let os = service_for_image("opensearchproject/opensearch:2").unwrap();
        assert_eq!(os.id, "opensearch");
        assert_eq!(os.knob_default("heap_mib"), 1024);
        assert!(os.self_sizing.is_none());
        assert_eq!(os.deploy.heap_env, Some("OPENSEARCH_JAVA_OPTS"));
        assert_eq!(
            service_for_image("docker.elastic.co/elasticsearch/elasticsearch:8.15.0")
                .unwrap()
                .id,
            "elasticsearch"
        );
    }

    /// Figures with no source behind them were labelled A or MEASURED.
    #[test]
    fn unsourced_catalog_figures_are_confidence_c() {
        use crate::model::Confidence::C;
        for (service, knob) in [
            ("kibana", "base_mib"),
            ("kibana", "heap_used_mib"),
            ("kibana", "max_old_space_mib"),
            ("node", "max_old_space_mib"),
            ("playwright", "driver_mib"),
            ("kafka", "nonheap_mib"),
            ("zookeeper", "nonheap_mib"),
            ("logstash", "nonheap_mib"),
            ("neo4j", "nonheap_mib"),
        ] {
            assert_eq!(source_of(service, knob).confidence, C, "{service}.{knob}");
        }
        // Spring Boot is the service Petclinic measured: it keeps B.
        assert_ne!(source_of("spring-boot", "nonheap_mib").confidence, C);
    }

    /// Nginx's expected figure was marked MEASURED at 16 MiB, then set to
    /// the 10.3 MiB RSS measured here (3.7 MiB PSS). It is what `docker
    /// stats` shows, the figure users compare: four published readings of
    /// 2.4–7.3 MiB (median 4.2), rounded up.
    #[test]
    fn nginx_expected_memory_is_what_docker_stats_shows() {
        for id in ["nginx", "static-frontend"] {
            let k = crate::catalog::service(id)
                .unwrap()
                .knob("expected_mib")
                .unwrap();
            assert_eq!(k.source.confidence, crate::model::Confidence::B);
            assert!(k.source.title.contains("docker stats"), "{id}");
            assert_eq!(k.default, 5, "{id}: median 4.2 MiB rounded up");
        }
    }

    /// 0.4 is RabbitMQ 3.13's watermark; 4.x uses 0.6. The catalog says which.
    #[test]
    fn rabbitmq_watermark_names_its_version() {
        let k = crate::catalog::service("rabbitmq")
            .unwrap()
            .knob("watermark_pct")
            .unwrap();
        assert_eq!(k.default, 40);
        assert!(
            k.note.contains("3.13") && k.note.contains("4.x"),
            "{}",
            k.note
        );
        assert!(k.source.title.contains("3.13") && k.source.title.contains("docs/memory"));
    }
}
