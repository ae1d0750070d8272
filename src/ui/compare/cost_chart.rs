//! The options' monthly cost as horizontal bars, in SVG written here: one
//! bar per option, as long as its cost against the dearest option's, with
//! the engine's money text beside it. An unknown cost is a dashed empty
//! box that says so — never a bar of ¥0. The recommended option's bar is
//! green, today's setup grey, and a dashed line marks the baseline.

use leptos::prelude::*;
use stackfit_core::chart::text_width_px;
use stackfit_core::present::Presentation;

use crate::i18n::Lang;
use crate::state::use_lang;

const WIDTH: f64 = 640.0;
const LABEL_RIGHT: f64 = 182.0;
const BAR_LEFT: f64 = 190.0;
const BAR_MAX: f64 = 330.0;
const ROW: f64 = 26.0;
const TOP: f64 = 22.0;
const FONT: f64 = 12.0;

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

/// The chart of `presentation`'s options. `references`: today's setup.
#[component]
pub fn CostChart(
    #[prop(into)] presentation: Signal<Presentation>,
    #[prop(into)] references: Signal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let p = presentation.get();
        let refs = references.get();
        let dearest = p
            .rows
            .iter()
            .filter_map(|r| r.monthly_fen)
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let x_of = |fen: i64| BAR_LEFT + (fen.max(0) as f64 / dearest) * BAR_MAX;
        let height = TOP + ROW * p.rows.len() as f64 + 8.0;
        let summary = p
            .rows
            .iter()
            .map(|r| format!("{} {}", r.name, r.monthly))
            .collect::<Vec<_>>()
            .join(lang.pick("；", "; "));
        let title = lang.pick("每月费用", "Monthly cost");
        let aria = format!("{title}{}{summary}", lang.pick("：", ": "));
        let baseline = p
            .rows
            .iter()
            .find(|r| r.baseline)
            .and_then(|r| r.monthly_fen.map(|m| (x_of(m), r.name.clone())));
        let bars = p
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let y = TOP + ROW * i as f64;
                let mid = y + ROW / 2.0;
                let name = fit(&r.name, LABEL_RIGHT - 4.0);
                let class = if refs.contains(&r.id) {
                    "bar reference"
                } else if r.recommended {
                    "bar recommended"
                } else {
                    "bar"
                };
                let shape = match r.monthly_fen {
                    Some(fen) => {
                        let x1 = x_of(fen).max(BAR_LEFT + 2.0);
                        view! {
                            <rect class=class x=BAR_LEFT y=y + 5.0 width=x1 - BAR_LEFT height=ROW - 10.0 rx="2"></rect>
                            <text class="amount" x=x1 + 6.0 y=mid dy="0.35em">{r.monthly.clone()}</text>
                        }
                        .into_any()
                    }
                    None => view! {
                        <rect class="bar unknown" x=BAR_LEFT y=y + 5.0 width=BAR_MAX height=ROW - 10.0 rx="2"></rect>
                        <text class="amount unknown" x=BAR_LEFT + BAR_MAX / 2.0 y=mid dy="0.35em" text-anchor="middle">
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
                        <text class="label" x=LABEL_RIGHT y=mid dy="0.35em" text-anchor="end">
                            {r.recommended.then_some("★ ")}{name}
                        </text>
                        {shape}
                    </g>
                }
            })
            .collect_view();
        let baseline_mark = baseline.map(|(x, name)| {
            let text = match lang {
                Lang::Zh => format!("基准：{name}"),
                Lang::En => format!("baseline: {name}"),
            };
            view! {
                <line class="baseline" x1=x y1=TOP - 4.0 x2=x y2=height - 4.0></line>
                <text class="baseline-label" x=x y=TOP - 9.0 text-anchor="middle">{fit(&text, 200.0)}</text>
            }
        });
        view! {
            <figure class="cost-chart" data-testid="cost-chart">
                <svg
                    viewBox=format!("0 0 {WIDTH} {height}")
                    width="100%"
                    role="img"
                    aria-label=aria
                    preserveAspectRatio="xMinYMin meet"
                >
                    {baseline_mark}
                    {bars}
                </svg>
                <figcaption class="hint">
                    {lang.pick(
                        "条形长度按每月费用；虚线框表示价格未知（没有计为 0），虚线竖线是对比基准。",
                        "Bars are monthly cost; a dashed box is an unknown price (not counted as 0); the dashed line is the baseline.",
                    )}
                </figcaption>
            </figure>
        }
    }
}
