//! The options' monthly cost as horizontal bars, in SVG written here: one
//! bar per option, as long as its cost against the dearest option's, with
//! the engine's money text beside it. An unknown cost is a dashed empty
//! box that says so — never a bar of ¥0. The recommended option's bar is
//! green, today's setup grey, and a dashed line marks the baseline. Two
//! layouts: names beside the bars, and on a phone names above them (CSS
//! shows one), so the text stays readable at either width.

use leptos::prelude::*;
use stackfit_core::chart::text_width_px;
use stackfit_core::present::Presentation;

use crate::i18n::Lang;
use crate::state::use_lang;

const FONT: f64 = 12.0;

/// Where things go, in SVG units.
#[derive(Clone, Copy)]
struct Geometry {
    width: f64,
    /// Names beside the bars (right-aligned at `label_right`), or above.
    beside: bool,
    label_right: f64,
    bar_left: f64,
    bar_max: f64,
    row: f64,
    /// From a row's top to its bar's top, and the bar's height.
    bar_top: f64,
    bar_height: f64,
    top: f64,
}

const WIDE: Geometry = Geometry {
    width: 640.0,
    beside: true,
    label_right: 182.0,
    bar_left: 190.0,
    bar_max: 330.0,
    row: 26.0,
    bar_top: 5.0,
    bar_height: 16.0,
    top: 22.0,
};

const NARROW: Geometry = Geometry {
    width: 360.0,
    beside: false,
    label_right: 356.0,
    bar_left: 2.0,
    bar_max: 250.0,
    row: 38.0,
    bar_top: 17.0,
    bar_height: 15.0,
    top: 22.0,
};

/// `text` cut to `room` pixels with an ellipsis.
fn fit(text: &str, room: f64) -> String {
    if text_width_px(text, FONT) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width_px(&format!("{out}{c}…"), FONT) > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// One layout of the chart.
fn chart(p: &Presentation, refs: &[String], lang: Lang, g: Geometry) -> impl IntoView {
    let dearest = p
        .rows
        .iter()
        .filter_map(|r| r.monthly_fen)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let x_of = |fen: i64| g.bar_left + (fen.max(0) as f64 / dearest) * g.bar_max;
    let height = g.top + g.row * p.rows.len() as f64 + 8.0;
    let summary = p
        .rows
        .iter()
        .map(|r| format!("{} {}", r.name, r.monthly))
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "));
    let aria = format!(
        "{}{}{summary}",
        lang.pick("每月费用", "Monthly cost"),
        lang.pick("：", ": ")
    );
    let baseline = p
        .rows
        .iter()
        .find(|r| r.baseline)
        .and_then(|r| r.monthly_fen.map(|m| (x_of(m), r.name.clone())));
    let baseline_mark = baseline.map(|(x, name)| {
        let text = match lang {
            Lang::Zh => format!("基准：{name}"),
            Lang::En => format!("baseline: {name}"),
        };
        let anchor_x = x.clamp(100.0, g.width - 100.0);
        view! {
            <line class="baseline" x1=x y1=g.top - 4.0 x2=x y2=height - 4.0></line>
            <text class="baseline-label" x=anchor_x y=g.top - 9.0 text-anchor="middle">{fit(&text, 196.0)}</text>
        }
    });
    let bars = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = g.top + g.row * i as f64;
            let bar_y = y + g.bar_top;
            let bar_mid = bar_y + g.bar_height / 2.0;
            let star = if r.recommended { "★ " } else { "" };
            let (label_x, label_y, anchor, room) = if g.beside {
                (g.label_right, bar_mid, "end", g.label_right - 4.0)
            } else {
                (g.bar_left, y + 8.0, "start", g.width - 4.0)
            };
            let name = fit(&format!("{star}{}", r.name), room);
            let class = if refs.contains(&r.id) {
                "bar reference"
            } else if r.recommended {
                "bar recommended"
            } else {
                "bar"
            };
            let shape = match r.monthly_fen {
                // No servers and no quote: nothing to price, so no bar (not one of ¥0).
                _ if r.unpriced => view! {
                    <text class="amount unknown" x=g.bar_left + 4.0 y=bar_mid dy="0.35em">
                        {lang.pick("尚无服务器", "no servers yet")}
                    </text>
                }
                .into_any(),
                Some(fen) => {
                    let x1 = x_of(fen).max(g.bar_left + 2.0);
                    view! {
                        <rect class=class x=g.bar_left y=bar_y width=x1 - g.bar_left height=g.bar_height rx="2"></rect>
                        <text class="amount" x=x1 + 6.0 y=bar_mid dy="0.35em">{r.monthly.clone()}</text>
                    }
                    .into_any()
                }
                None => view! {
                    <rect class="bar unknown" x=g.bar_left y=bar_y width=g.bar_max height=g.bar_height rx="2"></rect>
                    <text class="amount unknown" x=g.bar_left + g.bar_max / 2.0 y=bar_mid dy="0.35em" text-anchor="middle">
                        {lang.pick("价格未知（未计为 0）", "price unknown (not counted as 0)")}
                    </text>
                }
                .into_any(),
            };
            view! {
                <g
                    data-testid="cost-bar"
                    data-option-id=r.id.clone()
                    data-unknown=r.monthly_fen.is_none().then_some("true")
                >
                    <title>{format!("{} — {}", r.name, r.monthly)}</title>
                    <text class="label" x=label_x y=label_y dy="0.35em" text-anchor=anchor>{name}</text>
                    {shape}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class=if g.beside { "wide" } else { "narrow" }
            viewBox=format!("0 0 {} {height}", g.width)
            width="100%"
            role="img"
            aria-label=aria
            preserveAspectRatio="xMinYMin meet"
        >
            {baseline_mark}
            {bars}
        </svg>
    }
}

/// The chart of `presentation`'s options. `references`: today's setup.
#[component]
pub fn CostChart(
    #[prop(into)] presentation: Signal<Presentation>,
    #[prop(into)] references: Signal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <figure class="cost-chart" data-testid="cost-chart">
            {move || {
                let lang = lang.get();
                let refs = references.get();
                presentation.with(|p| view! {
                    {chart(p, &refs, lang, WIDE)}
                    {chart(p, &refs, lang, NARROW)}
                })
            }}
            <figcaption class="hint">
                {move || lang.get().pick(
                    "条形长度按每月费用；虚线框表示价格未知（没有计为 0），虚线竖线是对比基准。",
                    "Bars are monthly cost; a dashed box is an unknown price (not counted as 0); the dashed line is the baseline.",
                )}
            </figcaption>
        </figure>
    }
}
