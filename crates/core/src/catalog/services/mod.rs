//! The service catalog: every built-in service with its knobs, each default
//! number with its source (see `sources`), presets and the images it matches.

mod apps;
mod data;
mod observe;

pub use crate::kinds::redis::PERSISTENCE;

use crate::model::ServiceDef;

static SERVICES: &[ServiceDef] = &[
    data::POSTGRES,
    data::PGBOUNCER,
    data::MYSQL,
    data::MONGODB,
    data::REDIS,
    data::VALKEY,
    data::MEMCACHED,
    data::RABBITMQ,
    data::KAFKA,
    data::ZOOKEEPER,
    observe::ELASTICSEARCH,
    observe::LOGSTASH,
    observe::KIBANA,
    observe::NEO4J,
    observe::WEAVIATE,
    observe::PROMETHEUS,
    observe::GRAFANA,
    observe::ALERTMANAGER,
    apps::NGINX,
    apps::STATIC_FRONTEND,
    apps::FASTAPI,
    apps::GUNICORN,
    apps::SANIC,
    apps::CELERY_PREFORK,
    apps::CELERY_GEVENT,
    apps::CELERY_BEAT,
    apps::FLOWER,
    apps::PLAYWRIGHT,
    apps::NODE,
    apps::SPRING_BOOT,
    apps::GO_SERVICE,
    observe::MINIO,
    apps::CUSTOM,
];

/// Every built-in service, in palette order.
pub fn services() -> &'static [ServiceDef] {
    SERVICES
}

/// The service whose images include `image` (tag and registry path ignored):
/// "postgres:16-alpine" → PostgreSQL, "docker.io/valkey/valkey:8" → Valkey.
///
/// ```
/// use stackfit_core::catalog::service_for_image;
/// assert_eq!(service_for_image("bitnami/postgresql:16").unwrap().id, "postgres");
/// assert_eq!(service_for_image("valkey/valkey:8.0").unwrap().id, "valkey");
/// assert!(service_for_image("example/unknown").is_none());
/// ```
pub fn service_for_image(image: &str) -> Option<&'static ServiceDef> {
    let no_tag = image.split('@').next().unwrap_or(image);
    let no_tag = match no_tag.rfind(':') {
        Some(i) if !no_tag[i..].contains('/') => &no_tag[..i],
        _ => no_tag,
    };
    let name = no_tag.strip_prefix("docker.io/").unwrap_or(no_tag);
    let name = name.strip_prefix("library/").unwrap_or(name);
    SERVICES.iter().find(|s| s.images.contains(&name))
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

    /// OpenSearch ships -Xms1g -Xmx1g; Elasticsearch's auto heap model is wrong for it.
    #[test]
    fn opensearch_is_not_modelled_as_elasticsearch() {
        assert!(service_for_image("opensearchproject/opensearch:2").is_none());
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

    /// Nginx's expected figure was marked MEASURED at 16 MiB; the
    /// measurement was 10.3 MiB RSS / 3.7 MiB PSS.
    #[test]
    fn nginx_expected_memory_is_the_measured_figure() {
        for id in ["nginx", "static-frontend"] {
            let k = crate::catalog::service(id)
                .unwrap()
                .knob("expected_mib")
                .unwrap();
            assert_eq!(k.source, crate::sources::MEASURED);
            assert_eq!(k.default, 11, "{id}: 10.3 MiB RSS rounded up");
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
