//! What the search dialog's form holds — rules (keep apart, keep together,
//! pin to a server), providers, at most N servers, the headroom target and
//! the price rules — and the constraints it sends to the tools worker.
//! Pure, so it is tested natively.

use stackfit_core::catalog;
use stackfit_core::model::{PlanOption, Provider};
use stackfit_tools::protocol::SearchConstraints;

/// One rule the user added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// These two placements never share a server.
    Apart(String, String),
    /// These two placements share a server.
    Together(String, String),
    /// This placement stays on this server of the option.
    Pin(String, String),
}

impl Rule {
    /// A stable key for the rule list (and its test ids).
    pub fn key(&self) -> String {
        match self {
            Rule::Apart(a, b) => format!("apart-{a}-{b}"),
            Rule::Together(a, b) => format!("together-{a}-{b}"),
            Rule::Pin(p, s) => format!("pin-{p}-{s}"),
        }
    }
}

/// The form.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchForm {
    pub rules: Vec<Rule>,
    /// Providers ticked, by kebab-case name (see [`provider_name`]).
    pub providers: Vec<String>,
    /// Tier families, separated by commas or spaces ("c7, g7"); empty: any.
    pub families: String,
    /// Empty: no limit; else a whole number from 1.
    pub max_servers: String,
    /// Percent; empty: the plan's target.
    pub headroom_pct: String,
    /// Also price tiers with my quotes (and the plan's own prices).
    pub my_quotes: bool,
    /// Also tiers nobody could price.
    pub unknown_prices: bool,
}

/// A provider's kebab-case name, as the protocol spells it.
pub fn provider_name(p: Provider) -> &'static str {
    match p {
        Provider::AlibabaEcs => "alibaba-ecs",
        Provider::AlibabaLightweight => "alibaba-lightweight",
        Provider::TencentCvm => "tencent-cvm",
        Provider::TencentLighthouse => "tencent-lighthouse",
        Provider::Aws => "aws",
    }
}

/// Why a field's text cannot be sent: (zh, en).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub field: &'static str,
    pub zh: String,
    pub en: String,
}

impl SearchForm {
    /// The form for `option`: its own providers ticked, no rules, no limit
    /// on servers, the plan's headroom target, quotes counted, priced tiers
    /// only.
    pub fn for_option(option: &PlanOption, headroom_target_pct: u32) -> SearchForm {
        let mut providers: Vec<Provider> = option
            .servers
            .iter()
            .filter_map(|s| catalog::tier(&s.tier).map(|t| t.provider))
            .collect();
        providers.sort();
        providers.dedup();
        if providers.is_empty() {
            providers = Provider::ALL.to_vec();
        }
        SearchForm {
            rules: Vec::new(),
            providers: providers
                .into_iter()
                .map(|p| provider_name(p).to_string())
                .collect(),
            families: String::new(),
            max_servers: String::new(),
            headroom_pct: headroom_target_pct.to_string(),
            my_quotes: true,
            unknown_prices: false,
        }
    }

    /// Adds `rule` unless it is there already (either way round) or names
    /// one placement twice.
    pub fn add(&mut self, rule: Rule) {
        let same = |a: &str, b: &str, c: &str, d: &str| (a == c && b == d) || (a == d && b == c);
        let dup = self.rules.iter().any(|r| match (r, &rule) {
            (Rule::Apart(a, b), Rule::Apart(c, d))
            | (Rule::Together(a, b), Rule::Together(c, d)) => same(a, b, c, d),
            (Rule::Pin(a, _), Rule::Pin(c, _)) => a == c,
            _ => false,
        });
        let selfish = matches!(&rule, Rule::Apart(a, b) | Rule::Together(a, b) if a == b);
        if !dup && !selfish {
            self.rules.push(rule);
        }
    }

    /// The families typed, each one a family of the ticked providers'
    /// catalog tiers (spelled as the catalog spells it), or the first that
    /// is not.
    fn families(&self) -> Result<Vec<String>, FormError> {
        let mut out: Vec<String> = Vec::new();
        for typed in self
            .families
            .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
            .filter(|f| !f.is_empty())
        {
            let known = catalog::tiers()
                .iter()
                .filter(|t| {
                    self.providers
                        .iter()
                        .any(|p| p == provider_name(t.provider))
                })
                .find(|t| t.family.eq_ignore_ascii_case(typed));
            match known {
                Some(t) if !out.iter().any(|f| f == t.family) => out.push(t.family.to_string()),
                Some(_) => {}
                None => {
                    return Err(FormError {
                        field: "families",
                        zh: format!("所选云厂商的规格中没有“{typed}”系列"),
                        en: format!("no tier of the providers ticked is of family “{typed}”"),
                    })
                }
            }
        }
        Ok(out)
    }

    /// The constraints to send, or the first field that cannot be read.
    pub fn constraints(&self) -> Result<SearchConstraints, FormError> {
        let whole = |field: &'static str,
                     text: &str,
                     min: u32,
                     max: u32|
         -> Result<Option<u32>, FormError> {
            let t = text.trim().trim_end_matches('%').trim();
            if t.is_empty() {
                return Ok(None);
            }
            match t.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(FormError {
                    field,
                    zh: format!("请填写 {min} 到 {max} 之间的整数"),
                    en: format!("a whole number from {min} to {max}"),
                }),
            }
        };
        let max_servers = whole("max-servers", &self.max_servers, 1, 50)?;
        let headroom_target_pct = whole("headroom", &self.headroom_pct, 0, 90)?;
        if self.providers.is_empty() {
            return Err(FormError {
                field: "providers",
                zh: "请至少选择一家云厂商".into(),
                en: "pick at least one provider".into(),
            });
        }
        let families = self.families()?;
        let mut c = SearchConstraints {
            providers: self.providers.clone(),
            families,
            max_servers,
            headroom_target_pct,
            catalog_prices_only: !self.my_quotes,
            allow_unknown_prices: self.unknown_prices,
            ..SearchConstraints::default()
        };
        for r in &self.rules {
            match r {
                Rule::Apart(a, b) => c.keep_apart.push(vec![a.clone(), b.clone()]),
                Rule::Together(a, b) => c.keep_together.push(vec![a.clone(), b.clone()]),
                Rule::Pin(p, s) => c.pinned.push((p.clone(), s.clone())),
            }
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s3() -> SearchForm {
        let plan = stackfit_core::templates::get("s3").unwrap();
        SearchForm::for_option(plan.option("a-single").unwrap(), 20)
    }

    #[test]
    fn the_form_starts_on_the_options_own_provider_and_the_plans_target() {
        let f = s3();
        assert_eq!(f.providers, vec!["alibaba-ecs".to_string()]);
        let c = f.constraints().unwrap();
        assert_eq!(c.headroom_target_pct, Some(20));
        assert_eq!(c.max_servers, None);
        assert!(!c.catalog_prices_only && !c.allow_unknown_prices);
    }

    #[test]
    fn rules_become_pairs_and_pins_and_repeat_only_once() {
        let mut f = s3();
        f.add(Rule::Apart("postgres".into(), "worker-high".into()));
        f.add(Rule::Apart("worker-high".into(), "postgres".into()));
        f.add(Rule::Apart("api".into(), "api".into()));
        f.add(Rule::Together("api".into(), "redis".into()));
        f.add(Rule::Pin("postgres".into(), "a".into()));
        f.add(Rule::Pin("postgres".into(), "b".into()));
        assert_eq!(f.rules.len(), 3);
        let c = f.constraints().unwrap();
        assert_eq!(
            c.keep_apart,
            vec![vec!["postgres".to_string(), "worker-high".to_string()]]
        );
        assert_eq!(
            c.keep_together,
            vec![vec!["api".to_string(), "redis".to_string()]]
        );
        assert_eq!(c.pinned, vec![("postgres".to_string(), "a".to_string())]);
    }

    /// Families are read as the catalog spells them, whatever the case and
    /// separators; one the ticked providers do not have is named.
    #[test]
    fn families_are_the_catalogs_and_an_unknown_one_is_named() {
        let mut f = s3();
        f.families = "C7，g7  c7".into();
        assert_eq!(f.constraints().unwrap().families, vec!["c7", "g7"]);
        f.families = "c7, S6".into();
        let e = f.constraints().unwrap_err();
        assert_eq!(e.field, "families");
        assert!(e.en.contains("“S6”"), "{}", e.en);
        f.providers.push("tencent-cvm".into());
        assert_eq!(f.constraints().unwrap().families, vec!["c7", "S6"]);
        f.families = String::new();
        assert!(f.constraints().unwrap().families.is_empty());
    }

    #[test]
    fn bad_numbers_and_no_provider_are_named() {
        let mut f = s3();
        f.max_servers = "0".into();
        assert_eq!(f.constraints().unwrap_err().field, "max-servers");
        f.max_servers = " 3 ".into();
        f.headroom_pct = "25 %".into();
        let c = f.constraints().unwrap();
        assert_eq!((c.max_servers, c.headroom_target_pct), (Some(3), Some(25)));
        f.providers.clear();
        assert_eq!(f.constraints().unwrap_err().field, "providers");
    }
}
