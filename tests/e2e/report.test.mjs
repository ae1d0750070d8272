// Journey: the report page for budget holders. Opened from the planner it
// carries the plan and the sender's quotes in its own link; a fresh browser
// shows it without touching any saved plan; it switches language; under
// print emulation it hides its controls and prints as A4 pages; it saves
// Markdown, the cost CSV, and each diagram as PNG and SVG; axe finds nothing
// serious; a damaged report link says what is wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";

import { journey } from "./support/journey.mjs";
import { newPage } from "./support/browser.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";
import { ReportPage } from "./pages/report.mjs";

const j = journey();

/** The pages of a PDF: its page objects. */
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The storage keys of the planner's saved plans, with their values. */
async function savedPlans(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k === "stackfit.plans" || k === "stackfit.current" || k.startsWith("stackfit.plan."))
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );
}

/** The planner on S3 with my quote for today's 2C4G, and its report opened in a new tab. */
async function s3Report(options = {}) {
  const started = await j.start(options);
  const { planner } = started;
  await planner.openTemplate("s3-euraflow");
  await planner.byTestId("option-compare").waitFor();
  await planner.openPrices();
  await planner.saveQuote({ tier: "aliyun-ecs-c7-large", monthly: "180", yearly: "1836", billing: "yearly-prepaid", date: "2026-11-30", note: "sales" });
  await planner.quoteRow("aliyun-ecs-c7-large").waitFor();
  await planner.closeDialog();
  const report = await planner.openReport(ReportPage);
  const reportErrors = [];
  report.page.on("pageerror", (e) => reportErrors.push(`pageerror: ${e.message}`));
  report.page.on("console", (m) => m.type() === "error" && reportErrors.push(`console: ${m.text()}`));
  return { ...started, report, reportErrors };
}

test("the report opens from the planner with its own link and the sender's quotes", async () => {
  const { planner, report, context, errors, reportErrors } = await s3Report();
  assert.match(await report.url(), /#report\.p2\./);
  assert.match(await report.summary(), /^The question: EuraFlow order sync \(S3\) \(9 options compared\)\. A on Tencent Cloud/);
  const now = report.byTestId("comparison-row").and(report.page.locator('[data-option-id="now"]'));
  assert.match(await now.locator('[data-testid="comparison-monthly"]').textContent(), /¥180\.00/);
  assert.match(await now.locator('[data-testid="comparison-yearly"]').textContent(), /¥1,836\.00/);
  assert.match(await now.locator('[data-testid="comparison-price-sources"]').textContent(), /the sender's yearly prepaid quote of 2026-11-30: sales/);
  // Each option's servers with their diagrams, findings and the assumptions.
  assert.equal(await report.byTestId("report-option").count(), 9);
  assert.ok((await report.servers().count()) >= 9);
  assert.ok((await report.page.locator('[data-testid="report-option"] canvas').count()) >= 9);
  assert.match(await report.byTestId("report-assumptions").textContent(), /Reserve = OS/);
  assert.equal(await report.htmlLang(), "en");
  assert.deepEqual(seriousOrCritical(await axeViolations(report.page)), [], "the report page (en)");

  // A fresh browser profile opens the same link: the report, and no saved plan is written.
  const fresh = await newPage(j.browser, { locale: "zh-CN", viewport: { width: 1280, height: 720 } });
  const fetched = [];
  fresh.page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const other = new ReportPage(fresh.page);
  await other.open(await report.url());
  assert.match(await other.summary(), /^问题：/);
  // The budget holder's browser fetches the planner and the extras, which
  // read the link themselves: no tools worker until Markdown or CSV is asked for.
  assert.ok(fetched.some((p) => p.endsWith("/stackfit-extras_bg.wasm")), fetched.join(" "));
  assert.deepEqual(fetched.filter((p) => p.includes("stackfit-tools")), [], "no tools worker to read a report");
  assert.deepEqual(await savedPlans(fresh.page), [], "nothing saved in the fresh browser");
  assert.equal(await fresh.page.evaluate(() => localStorage.getItem("stackfit.prices.v1")), null, "no price book either");
  assert.deepEqual(seriousOrCritical(await axeViolations(fresh.page)), [], "the report page (zh)");
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // In the sender's own browser the saved plans are as they were.
  const before = await savedPlans(planner.page);
  await report.page.reload();
  await report.ready();
  assert.deepEqual(await savedPlans(report.page), before);
  assert.deepEqual(errors, []);
  assert.deepEqual(reportErrors, []);
  await context.close();
});

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  test(`the report prints on A4 without its controls (${lang})`, async (t) => {
    const { report, context, errors, reportErrors } = await s3Report({ locale });
    const toolbar = report.byTestId("report-toolbar");
    assert.ok(await toolbar.isVisible());
    // A4 at 96 dpi, as the printer lays it out.
    await report.page.setViewportSize({ width: 794, height: 1123 });
    await report.page.emulateMedia({ media: "print" });
    await report.settle(600);
    assert.equal(await toolbar.isVisible(), false, "no controls on paper");
    assert.equal(await report.page.locator('[data-testid="save-png"]').first().isVisible(), false);
    const breaks = await report.page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="report-option"]')).breakBefore);
    assert.equal(breaks, "page", "each option starts a page");
    // The diagrams fit the page width.
    const widest = await report.page.evaluate(() =>
      Math.max(...[...document.querySelectorAll(".report-diagram canvas")].map((c) => c.getBoundingClientRect().right)),
    );
    assert.ok(widest <= 794, `a diagram ends at ${widest}px`);
    await report.screenshot(`report-print-${lang}`);
    await report.servers().first().scrollIntoViewIfNeeded();
    await report.screenshot(`report-print-option-${lang}`);
    const pdf = await report.page.pdf({ format: "A4", printBackground: true });
    const pages = pdfPages(pdf);
    await writeFile(`target/screenshots/report-${lang}.pdf`, pdf);
    t.diagnostic(`${pages} A4 pages (target/screenshots/report-${lang}.pdf)`);
    // Summary and comparison, then a page or two per option, then the assumptions.
    assert.ok(pages >= 11 && pages <= 40, `${pages} pages`);
    await report.page.emulateMedia({ media: "screen" });
    assert.deepEqual(errors, []);
    assert.deepEqual(reportErrors, []);
    await context.close();
  });
}

test("the report switches language and saves Markdown, the cost CSV, PNG and SVG", async () => {
  const { report, context, errors, reportErrors } = await s3Report();
  await report.switchLanguage();
  await report.page.waitForFunction(() => document.querySelector('[data-testid="report-summary"]').textContent.startsWith("问题："));
  assert.equal(await report.htmlLang(), "zh-CN");
  // The planner's language (English here) is the user's; the report's switch is not remembered.
  assert.equal(await report.page.evaluate(() => localStorage.getItem("stackfit.lang")), '"en"');

  const md = await report.download("report-markdown");
  assert.match(md.suggestedFilename(), /\.zh-CN\.md$/);
  const markdown = await readFile(await md.path(), "utf8");
  assert.match(markdown, /^# EuraFlow/);
  assert.match(markdown, /## 方案对比/);

  const csv = await report.download("report-csv");
  const costs = await readFile(await csv.path(), "utf8");
  assert.ok(costs.startsWith("\ufeffoption_id,option,servers,verdict,monthly_cny,yearly_cny"), costs.slice(0, 80));
  assert.match(costs, /\nnow,.*,180\.00,1836\.00,/);

  // The first server's diagram as PNG: the canvas's own pixels.
  const server = report.servers().first();
  await report.settle(400);
  const size = await server.locator("canvas").evaluate((c) => [c.width, c.height]);
  const png = await readFile(await (await report.download("save-png", server)).path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.equal(png.toString("latin1", 12, 16), "IHDR");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], size, "the canvas's size");

  // And as SVG: a document the browser parses, titled with its caption.
  const svgDownload = await report.download("save-svg", server);
  assert.match(svgDownload.suggestedFilename(), /\.svg$/);
  const svg = await readFile(await svgDownload.path(), "utf8");
  const parsed = await report.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName("parsererror").length,
      root: root.nodeName,
      width: root.getAttribute("width"),
      title: root.querySelector("title")?.textContent,
      texts: root.querySelectorAll("text").length,
      rects: root.querySelectorAll("rect").length,
    };
  }, svg);
  assert.equal(parsed.error, 0, svg.slice(0, 200));
  assert.equal(parsed.root, "svg");
  assert.equal(parsed.width, "800");
  const caption = (await server.locator('[data-testid="memory-caption"]').textContent()).replace(/\u00a0/g, " ");
  assert.equal(parsed.title, caption);
  assert.ok(parsed.texts > 5 && parsed.rects > 5, JSON.stringify(parsed));
  assert.match(await report.byTestId("report-status").textContent(), /已下载/);
  assert.deepEqual(errors, []);
  assert.deepEqual(reportErrors, []);
  await context.close();
});

test("a damaged report link says what is wrong and opens nothing", async () => {
  const { page, context } = await newPage(j.browser, { locale: "zh-CN" });
  const report = new ReportPage(page);
  await report.open(`${j.site.url}#report.p2.e${"A".repeat(41)}`);
  const error = report.byTestId("report-error");
  await error.waitFor();
  assert.match(await error.textContent(), /无法打开这份报告/);
  assert.match(await error.textContent(), /链接/);
  assert.deepEqual(await savedPlans(page), []);
  await context.close();
});
