//! Playwright driving headless Chromium: a driver plus browsers × (browser
//! process tree + first page + further pages). Its /dev/shm need and its
//! peak warning serve every kind that runs browsers (Celery workers too).

use super::knobs::knob;
use super::{Cx, Kind, Raw, RuleCx, ShmNeed};
use crate::findings::{Finding, FindingKind as K, Severity};
use crate::model::units::Mib;
use crate::model::{KnobDef, KnobUnit::*};
use crate::sources::*;

const GIB64: i64 = 64 * 1024;

/// /dev/shm per headless Chromium: a planning figure between Docker's 64 MB,
/// which crashes tabs, and SeleniumHQ's 2 GB advice (digest §2.5).
pub const CHROMIUM_SHM_PER_BROWSER_MIB: Mib = 256;

#[rustfmt::skip]
pub const BROWSERS: KnobDef = knob("browsers", "Chromium browsers", "Chromium 浏览器数", Count, 0, 64, "headless browsers open at once (e.g. PLAYWRIGHT_MAX_BROWSERS)", PLANNER);
#[rustfmt::skip]
pub const PAGES: KnobDef = knob("pages_per_browser", "Pages per browser", "每个浏览器打开的页面数", Count, 1, 256, "pages open at once in each browser", PLANNER);
#[rustfmt::skip]
pub const BROWSER_MIB: KnobDef = knob("browser_mib", "Browser process tree", "浏览器进程树", Mib, 243, GIB64, "Chromium 156 headless via Playwright, 0 pages: 243 MiB PSS", MEASURED);
#[rustfmt::skip]
pub const FIRST_PAGE_MIB: KnobDef = knob("first_page_mib", "First context and page", "首个上下文与页面", Mib, 140, GIB64, "first context + about:blank: +140 MiB PSS", MEASURED);
#[rustfmt::skip]
pub const EXTRA_PAGE_MIB: KnobDef = knob("extra_page_mib", "Each further page", "每多开一个页面", Mib, 53, GIB64, "a moderate page in the same context: +53 MiB PSS (real JS-heavy sites need more)", MEASURED);

/// Memory `browsers` Chromium instances hold at peak, each with its pages.
pub fn chromium_peak(cx: &Cx, browsers: u64) -> Mib {
    if browsers == 0 {
        return 0;
    }
    let pages = cx.knob("pages_per_browser").max(1);
    browsers.saturating_mul(
        cx.knob("browser_mib")
            .saturating_add(cx.knob("first_page_mib"))
            .saturating_add((pages - 1).saturating_mul(cx.knob("extra_page_mib"))),
    )
}

/// /dev/shm for `browsers` Chromium instances: critical at Docker's default.
pub fn browser_shm(cx: &Cx) -> Option<ShmNeed> {
    let browsers = cx.knob("browsers");
    (browsers > 0).then(|| ShmNeed {
        mib: browsers.saturating_mul(CHROMIUM_SHM_PER_BROWSER_MIB),
        why_en: "Chromium",
        why_zh: "无头 Chromium 浏览器",
        severity: if cx
            .placement
            .shm_mib
            .unwrap_or(super::DOCKER_DEFAULT_SHM_MIB)
            <= super::DOCKER_DEFAULT_SHM_MIB
        {
            Severity::Critical
        } else {
            Severity::Warning
        },
    })
}

/// The peak Chromium adds, as a warning with the container's numbers.
pub fn browser_peak_rule(rx: &RuleCx, out: &mut Vec<Finding>) {
    if rx.browser_peak_mib > 0 {
        out.push(
            rx.finding(K::BrowserPeak, Severity::Warning)
                .n("browser_mib", rx.browser_peak_mib)
                .n("browsers", rx.cx.knob("browsers"))
                .n("peak_mib", rx.peak_mib)
                .n("limit_mib", rx.limit_mib),
        );
    }
}

pub struct Chromium;

impl Kind for Chromium {
    /// Load adds browsers (pages crawled at once).
    fn load_knobs(&self, cx: &Cx) -> Vec<(&'static str, u64)> {
        vec![("browsers", cx.knob("browsers"))]
    }

    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let browsers = cx.knob("browsers");
        let driver = cx.knob("driver_mib");
        let peak = chromium_peak(cx, browsers);
        let idle = browsers.saturating_mul(cx.knob("browser_mib"));
        let mut r = Raw::new(
            driver.saturating_add(idle),
            driver.saturating_add(peak),
            browsers.saturating_mul(cx.knob("cpu_millicores")),
        );
        r.browser_peak_mib = peak.saturating_sub(idle);
        r
    }

    fn shm_needed(&self, cx: &Cx) -> Option<ShmNeed> {
        browser_shm(cx)
    }

    fn rules(&self, rx: &RuleCx, out: &mut Vec<Finding>) {
        browser_peak_rule(rx, out);
    }
}
