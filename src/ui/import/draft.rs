//! What the import dialog holds before it is imported: the compose files in
//! their `-f` order, the `.env`, the `docker stats` capture, the profiles
//! and the tier — and where a dropped or chosen file goes.

/// Which area a file goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Compose,
    Env,
    Stats,
}

/// A file named `.env` or `*.env` is a `.env`; a text whose first line is
/// a `docker stats` header (the table's `MEM USAGE` / `MEM %` columns, or
/// `{{json .}}` lines) is a capture; anything else is a compose file.
pub fn slot_of(name: &str, text: &str) -> Slot {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if base == ".env" || base.ends_with(".env") {
        return Slot::Env;
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_ascii_uppercase();
    if first.contains("MEM USAGE")
        || first.contains("MEM %")
        || first.starts_with("{\"") && first.contains("\"MEMUSAGE\"")
    {
        return Slot::Stats;
    }
    Slot::Compose
}

/// The dialog's inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// (name, text) of each compose file, merged in this order.
    pub compose: Vec<(String, String)>,
    pub env_name: String,
    pub env: String,
    pub stats_name: String,
    pub stats: String,
    pub profiles: String,
    pub tier: String,
}

/// The name a pasted compose file gets: `docker-compose.yml`, then
/// `docker-compose.2.yml`, … (the names errors are reported under).
pub fn compose_name(i: usize) -> String {
    if i == 0 {
        "docker-compose.yml".into()
    } else {
        format!("docker-compose.{}.yml", i + 1)
    }
}

impl Draft {
    pub fn new(tier: &str) -> Draft {
        Draft {
            compose: vec![(compose_name(0), String::new())],
            env_name: ".env".into(),
            env: String::new(),
            stats_name: "docker-stats.txt".into(),
            stats: String::new(),
            profiles: String::new(),
            tier: tier.into(),
        }
    }

    /// Nothing typed or dropped yet.
    pub fn is_blank(&self) -> bool {
        self.compose.iter().all(|(_, t)| t.trim().is_empty())
            && self.env.trim().is_empty()
            && self.stats.trim().is_empty()
    }

    /// Puts a dropped or chosen file where it belongs: a compose file
    /// replaces an empty first area or a file of the same name, else comes
    /// after the others (files dropped together keep their order). Returns
    /// where it went (the compose file's index).
    pub fn add_file(&mut self, name: &str, text: String) -> (Slot, usize) {
        match slot_of(name, &text) {
            Slot::Env => {
                self.env_name = name.to_string();
                self.env = text;
                (Slot::Env, 0)
            }
            Slot::Stats => {
                self.stats_name = name.to_string();
                self.stats = text;
                (Slot::Stats, 0)
            }
            Slot::Compose => {
                let i = if let Some(i) = self.compose.iter().position(|(n, _)| n == name) {
                    i
                } else if self.compose.len() == 1 && self.compose[0].1.trim().is_empty() {
                    0
                } else {
                    self.compose.push(Default::default());
                    self.compose.len() - 1
                };
                self.compose[i] = (name.to_string(), text);
                (Slot::Compose, i)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATS: &str = "CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   MEM %   NET I/O   BLOCK I/O   PIDS\nabc   shop-db-1   0.5%   10MiB / 1GiB   1%   0B / 0B   0B / 0B   3\n";

    #[test]
    fn files_go_to_their_areas_by_name_and_header() {
        assert_eq!(slot_of(".env", "A=1"), Slot::Env);
        assert_eq!(slot_of("prod.env", "A=1"), Slot::Env);
        assert_eq!(slot_of("stats.txt", STATS), Slot::Stats);
        assert_eq!(
            slot_of("x", "NAME   CPU %   MEM USAGE / LIMIT\n"),
            Slot::Stats
        );
        assert_eq!(
            slot_of(
                "s.jsonl",
                "{\"BlockIO\":\"0B / 0B\",\"MemUsage\":\"1MiB / 2GiB\"}\n"
            ),
            Slot::Stats
        );
        assert_eq!(slot_of("compose.yaml", "services: {}\n"), Slot::Compose);
        assert_eq!(slot_of("env.yml", "services: {}\n"), Slot::Compose);
    }

    /// Several compose files dropped together keep their order, like `-f a -f b`.
    #[test]
    fn compose_files_fill_the_empty_area_then_follow_in_order() {
        let mut d = Draft::new("t");
        assert!(d.is_blank());
        assert_eq!(
            d.add_file("a.yml", "services: {}".into()),
            (Slot::Compose, 0)
        );
        assert_eq!(
            d.add_file("b.yml", "services: {}".into()),
            (Slot::Compose, 1)
        );
        assert_eq!(
            d.add_file("a.yml", "services: {x: {}}".into()),
            (Slot::Compose, 0)
        );
        let names: Vec<&str> = d.compose.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.yml", "b.yml"]);
        assert_eq!(d.add_file(".env", "A=1".into()).0, Slot::Env);
        assert_eq!(d.add_file("stats.txt", STATS.into()).0, Slot::Stats);
        assert_eq!(
            (d.env_name.as_str(), d.stats_name.as_str()),
            (".env", "stats.txt")
        );
        assert!(!d.is_blank());
    }
}
