//! The price book: the reader's quotes, the sender's carried in a shared
//! plan, the catalog's; yearly from a prepaid quote; the baseline option;
//! and upgrade fixes priced the way the tier picker prices them.

use stackfit_core::codec::link::{plan_from_fragment, plan_to_fragment};
use stackfit_core::cost::{carry, price_basis_words, tier_price_words, Prices};
use stackfit_core::findings::Lang;
use stackfit_core::fit::{evaluate, evaluate_with, PriceComparison};
use stackfit_core::model::price::{Billing, PriceBook, Quote, QuoteFrom};
use stackfit_core::model::Action;
use stackfit_core::report::PriceBasis;
use stackfit_core::{apply, templates};

fn quote(tier: &str, monthly: i64, yearly: Option<i64>, billing: Billing) -> Quote {
    Quote {
        tier: tier.into(),
        monthly_fen: monthly,
        yearly_fen: yearly,
        billing,
        date: "2026-11-30".into(),
        note: "sales quote".into(),
        from: QuoteFrom::Mine,
    }
}

fn book(quotes: impl IntoIterator<Item = Quote>) -> PriceBook {
    let mut b = PriceBook::default();
    for q in quotes {
        b.set(q);
    }
    b
}

/// S3's "Today" 2C4G has no sourced price; the reader's yearly prepaid
/// quote prices it, and its year is the prepaid figure, not 12 months.
#[test]
fn a_quote_prices_an_unknown_tier_and_its_year_is_the_prepaid_one() {
    let plan = templates::get("s3").unwrap();
    let before = evaluate(&plan);
    let now = before.option("now").unwrap();
    assert_eq!(now.monthly_fen, None);
    assert_eq!(now.servers[0].price_basis, PriceBasis::Unknown);

    let b = book([quote(
        &now.servers[0].tier,
        18_000,
        Some(183_600),
        Billing::YearlyPrepaid,
    )]);
    let after = evaluate_with(&plan, &b);
    let now = after.option("now").unwrap();
    assert_eq!(now.monthly_fen, Some(18_000));
    assert_eq!(now.yearly_fen, Some(183_600), "not 12 × ¥180 = ¥2,160");
    let basis = &now.servers[0].price_basis;
    assert!(matches!(
        basis,
        PriceBasis::Quote {
            from: QuoteFrom::Mine,
            billing: Billing::YearlyPrepaid,
            ..
        }
    ));
    assert_eq!(
        price_basis_words(basis, Lang::En),
        "your yearly prepaid quote of 2026-11-30: sales quote"
    );
    assert_eq!(
        price_basis_words(basis, Lang::Zh),
        "你的包年报价（2026-11-30）：sales quote"
    );
    // Options priced from the catalog or the plan's own figures do not move.
    for (x, y) in before.options.iter().zip(&after.options) {
        if x.id != "now" && x.id != "now-proposed" {
            assert_eq!(x.monthly_fen, y.monthly_fen, "{}", x.id);
        }
    }
}

/// A shared plan carries the sender's quotes; the reader sees the same
/// totals, marked as the sender's, until their own book prices the tier.
#[test]
fn a_shared_plan_carries_the_senders_quotes_and_the_readers_own_come_first() {
    let mut plan = templates::get("s3").unwrap();
    let tier = evaluate(&plan).option("now").unwrap().servers[0]
        .tier
        .clone();
    let senders = book([quote(&tier, 20_000, None, Billing::Monthly)]);
    plan.quotes = carry(&plan, &senders);
    let link = plan_to_fragment(&plan);
    let received = plan_from_fragment(&link).unwrap().plan;
    assert_eq!(received.quotes.len(), 1);

    let seen = evaluate_with(&received, &PriceBook::default());
    let now = seen.option("now").unwrap();
    assert_eq!(now.monthly_fen, Some(20_000));
    assert!(matches!(
        now.servers[0].price_basis,
        PriceBasis::Quote {
            from: QuoteFrom::Sender,
            ..
        }
    ));
    assert!(price_basis_words(&now.servers[0].price_basis, Lang::En)
        .starts_with("the sender's quote of 2026-11-30"));

    let mine = book([quote(&tier, 17_000, None, Billing::Monthly)]);
    let now = evaluate_with(&received, &mine);
    assert_eq!(now.option("now").unwrap().monthly_fen, Some(17_000));
}

/// A link's quotes are the sender's whatever they claim, and bad ones are
/// refused with where they are.
#[test]
fn carried_quotes_are_checked_when_a_plan_is_read() {
    let mut plan = templates::get("s0").unwrap();
    let mut q = quote("aliyun-ecs-c7-large", 15_000, None, Billing::Monthly);
    plan.quotes = vec![q.clone()];
    let back = plan_from_fragment(&plan_to_fragment(&plan)).unwrap().plan;
    assert_eq!(back.quotes[0].from, QuoteFrom::Sender);

    q.monthly_fen = -1;
    plan.quotes = vec![q.clone()];
    let e = plan_from_fragment(&plan_to_fragment(&plan)).unwrap_err();
    assert!(
        e.message_en().contains("quotes[0].monthly_fen"),
        "{}",
        e.message_en()
    );
    assert!(e.message_zh().contains("月价格"), "{}", e.message_zh());

    q.monthly_fen = 100;
    q.date = "30/11/2026".into();
    plan.quotes = vec![q];
    assert!(plan_from_fragment(&plan_to_fragment(&plan)).is_err());
}

/// The differences are against the baseline the user picks.
#[test]
fn deltas_are_against_the_chosen_baseline() {
    let mut plan = templates::get("s0").unwrap();
    let first = evaluate(&plan);
    assert_eq!(first.baseline_option.as_deref(), Some("lean-2c4g"));
    let base = first.option("standard-4c8g").unwrap().monthly_fen.unwrap();
    apply(
        &mut plan,
        &Action::SetBaseline {
            option: Some("standard-4c8g".into()),
        },
    )
    .unwrap();
    let r = evaluate(&plan);
    assert_eq!(r.baseline_option.as_deref(), Some("standard-4c8g"));
    for o in &r.options {
        assert_eq!(
            o.monthly_delta_fen,
            o.monthly_fen.map(|m| m - base),
            "{}",
            o.id
        );
    }
    // Removing the baseline option returns the baseline to the first.
    apply(
        &mut plan,
        &Action::RemoveOption {
            option: "standard-4c8g".into(),
        },
    )
    .unwrap();
    assert_eq!(
        evaluate(&plan).baseline_option.as_deref(),
        Some("lean-2c4g")
    );
    assert!(apply(
        &mut plan,
        &Action::SetBaseline {
            option: Some("no-such".into())
        }
    )
    .is_err());
}

/// S2's server is priced by the report's quote (¥80). With the reader's
/// quote for the 2C4G the upgrade fix names that price, as the tier picker
/// does, and gives the difference (quote against quote); a promotion price
/// is named but not subtracted.
#[test]
fn an_upgrade_fix_uses_the_readers_quote_and_compares_quotes_only() {
    let plan = templates::get("s2").unwrap();
    let upgrade_fix = |b: &PriceBook| {
        let r = evaluate_with(&plan, b);
        r.option("plus-min").unwrap().servers[0]
            .findings
            .iter()
            .find(|f| f.id() == "does-not-fit")
            .and_then(|f| f.fix.clone())
            .unwrap()
    };
    let tier = stackfit_core::catalog::tier("aliyun-ecs-e-c1m2-large").unwrap();
    let b = book([quote(tier.id, 12_000, None, Billing::Monthly)]);
    let fix = upgrade_fix(&b);
    let prices = Prices::of(&plan, &b);
    let words = tier_price_words(tier, &prices, Lang::En);
    assert_eq!(words, "¥120.00/month (your quote, 2026-11-30)");
    assert!(fix.label_en.contains(&words), "{}", fix.label_en);
    assert_eq!(fix.monthly_delta_fen, Some(4_000), "¥120 − ¥80");

    let promo = book([quote(tier.id, 9_900, None, Billing::Promotion)]);
    let fix = upgrade_fix(&promo);
    assert!(fix.label_zh.contains("你的促销报价"), "{}", fix.label_zh);
    assert_eq!(fix.monthly_delta_fen, None);

    let rec = stackfit_core::fit::recommend(&plan, "plus-min", "a").unwrap();
    assert_eq!(rec.price_comparison, PriceComparison::Unknown);
}
