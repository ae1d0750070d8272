//! One server in the report: its tier, verdict, price and where it comes
//! from, the memory arithmetic and CPU, the allocation diagram (the
//! planner's canvas component) with "save PNG" and "save SVG", and the
//! allocation as a table of the diagram's own figures.

use leptos::html;
use leptos::prelude::*;
use stackfit_core::chart::memory_chart_in;
use stackfit_core::chart::palette::Rgb;
use stackfit_core::fit::ServerReport;
use stackfit_core::model::units::format_mib;
use stackfit_core::present::ServerSection;
use stackfit_draw::svg_writer::memory_svg_document;
use wasm_bindgen::JsCast;

use crate::browser::download;
use crate::i18n::keep_units;
use crate::state::use_lang;
use crate::ui::board::MemoryDiagram;
use crate::ui::verdict::{PortClashBadge, VerdictBadge};

/// The width the saved SVG is drawn at, in CSS pixels.
const SVG_WIDTH: u32 = 800;

#[component]
pub fn ServerFigure(
    section: ServerSection,
    /// The engine's report of this server (what the diagram draws).
    server_report: Option<ServerReport>,
    /// The option's colour for each placement.
    colors: StoredValue<Vec<(String, Rgb)>>,
    option_id: String,
    /// The plan's file-name stem.
    stem: StoredValue<String>,
    /// Told what a save did (the file's name, or why it failed).
    saved: Callback<Result<String, String>>,
) -> impl IntoView {
    let lang = use_lang();
    let server_report = StoredValue::new(server_report);
    let chart = Memo::new(move |_| {
        let lang = lang.get().into();
        server_report.with_value(|s| {
            s.as_ref()
                .map(|s| colors.with_value(|c| memory_chart_in(s, Some(c), lang)))
        })
    });
    let verdict = section.verdict;
    let figure = NodeRef::<html::Div>::new();
    let name = {
        let server = section.id.clone();
        move |ext: &str| {
            format!(
                "{}-{option_id}-{server}.{}.{ext}",
                stem.get_value(),
                lang.get_untracked().tag()
            )
        }
    };
    let name = StoredValue::new(name);
    let save_png = move |_| {
        let canvas = figure
            .get_untracked()
            .and_then(|f| f.query_selector("canvas").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else {
            saved.run(Err("no diagram".into()));
            return;
        };
        let file = name.with_value(|n| n("png"));
        let reported = file.clone();
        download::download_canvas_png(&canvas, file, move |r| saved.run(r.map(|()| reported)));
    };
    let save_svg = move |_| {
        let Some(svg) =
            chart.with_untracked(|c| c.as_ref().map(|c| memory_svg_document(c, SVG_WIDTH)))
        else {
            return;
        };
        let file = name.with_value(|n| n("svg"));
        saved.run(
            download::download_text(&file, "image/svg+xml;charset=utf-8", &svg).map(|()| file),
        );
    };
    let rows = section.rows.clone();
    view! {
        <div class="report-server" data-testid="report-server" data-server-id=section.id.clone()>
            <h3>
                {section.label.clone()}
                " "
                <VerdictBadge verdict=Signal::derive(move || Some(verdict)) />
                " "
                <PortClashBadge clashes=section.port_clashes title=section.port_clash_message.clone() />
            </h3>
            <p class="report-server-facts">
                <span class="tier">{section.tier.clone()}</span>
                <span class="price" data-testid="report-server-price">{keep_units(&section.price)}</span>
            </p>
            <p class="report-server-facts">
                <span>{keep_units(&section.arithmetic)}</span>
                <span>{keep_units(&section.cpu)}</span>
            </p>
            <div class="report-diagram" node_ref=figure>
                <MemoryDiagram chart=chart />
            </div>
            <div class="diagram-actions no-print">
                <button class="tool" data-testid="save-png" on:click=save_png>
                    {move || lang.get().pick("保存 PNG", "Save PNG")}
                </button>
                <button class="tool" data-testid="save-svg" on:click=save_svg>
                    {move || lang.get().pick("保存 SVG", "Save SVG")}
                </button>
            </div>
            <table class="allocation" data-testid="report-allocation">
                <caption class="visually-hidden">{move || lang.get().pick("内存分配", "Memory allocation")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().pick("服务", "Service")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("典型", "Expected")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("高峰", "Peak")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("上限", "Limit")}</th>
                        <th scope="col">{move || lang.get().pick("依据", "Basis")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| view! {
                            <tr>
                                <th scope="row">{r.name}</th>
                                <td class="num">{keep_units(&format_mib(r.expected_mib))}</td>
                                <td class="num">{keep_units(&format_mib(r.peak_mib))}</td>
                                <td class="num">{keep_units(&format_mib(r.limit_mib))}</td>
                                <td class="basis">{r.basis}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
