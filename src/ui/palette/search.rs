//! Palette search: matches a service's English and Chinese names, its id and
//! the images it runs as.

use stackfit_core::model::ServiceDef;

/// Whether `service` matches what the user typed (case-insensitive; every
/// word must match somewhere). ASCII case only: names in Chinese have no
/// case, and Unicode case tables would cost the first load ~8 KB.
pub fn matches(service: &ServiceDef, query: &str) -> bool {
    let haystack = [service.id, service.name_en, service.name_zh]
        .into_iter()
        .chain(service.images.iter().copied())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
    query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .all(|word| haystack.iter().any(|h| h.contains(&word)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::catalog::service;

    #[test]
    fn finds_services_by_english_chinese_and_image_names() {
        let pg = service("postgres").unwrap();
        assert!(matches(pg, "postgre"));
        assert!(matches(pg, "POSTGRES"));
        assert!(matches(pg, "bitnami/postgresql"));
        assert!(matches(pg, ""));
        assert!(!matches(pg, "redis"));
        let valkey = service("valkey").unwrap();
        assert!(matches(valkey, "valkey/valkey"));
    }

    #[test]
    fn chinese_names_match() {
        let hits: Vec<_> = stackfit_core::catalog::services()
            .iter()
            .filter(|s| matches(s, "数据库"))
            .map(|s| s.id)
            .collect();
        assert!(hits.contains(&"postgres"), "{hits:?}");
    }
}
