// Screenshots of the screens issue 10's second part changed — my prices,
// the tier picker's "my price", the summary and cards saying where prices
// come from, the compare view, the report page (top, an option, print) —
// in English and Chinese at 1280×720, 1440×900 and a 390×844 phone
// (target/screenshots/screen-*.png), for a person to look at. Each checks
// that the screen shows what it is for and that the console stayed clean.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";
import { ReportPage } from "./pages/report.mjs";

const j = journey();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const phone = (v) => v.width < 700;

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`report screens ${lang} ${size}`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      const shot = (name) => planner.screenshot(`screen-${name}-${lang}-${size}`);
      const menu = phone(viewport) ? "template-menu-phone" : "template-menu";
      await planner.openTemplate("s3-euraflow", menu);
      await planner.byTestId("option-compare").waitFor();

      // My prices: a quote for today's 2C4G, the dialog with the list and the form.
      await planner.openPrices();
      await planner.saveQuote({ tier: "aliyun-ecs-c7-large", monthly: "180", yearly: "1836", billing: "yearly-prepaid", note: lang === "zh" ? "销售报价，85 折" : "sales, 15 % off" });
      await planner.quoteRow("aliyun-ecs-c7-large").waitFor();
      await shot("prices");
      await planner.closeDialog();

      // Today's setup priced by the quote: the summary and the card say whose price it is.
      await planner.pickOption("now");
      await planner.byTestId("total-price-source").waitFor();
      if (phone(viewport)) await planner.serverCards().first().scrollIntoViewIfNeeded();
      await shot("quote-priced");
      assert.match(await planner.byTestId("server-price-source").first().textContent(), lang === "zh" ? /你的包年报价/ : /your yearly prepaid quote/);

      if (!phone(viewport)) {
        // The tier picker with "my price" next to each tier.
        const picker = planner.serverCards().first().locator('[data-testid="tier-picker"]');
        await picker.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await picker.click();
        await planner.byTestId("tier-panel").waitFor();
        await shot("tier-my-price");
        await page.keyboard.press("Escape");
      }

      // The compare view.
      await planner.byTestId("compare-open").scrollIntoViewIfNeeded();
      await planner.openCompare();
      await planner.settle(300);
      await shot("compare");
      await planner.comparisonRow("a-single").scrollIntoViewIfNeeded();
      await shot("compare-table");
      await planner.closeDialog();

      // The report page: its top, then an option with its diagram.
      const report = await planner.openReport(ReportPage);
      await report.page.setViewportSize(viewport);
      await report.settle(600);
      await report.screenshot(`screen-report-${lang}-${size}`);
      await report.byTestId("comparison").scrollIntoViewIfNeeded();
      await report.screenshot(`screen-report-comparison-${lang}-${size}`);
      await report.servers().first().scrollIntoViewIfNeeded();
      await report.settle(300);
      await report.screenshot(`screen-report-option-${lang}-${size}`);
      assert.equal(await report.byTestId("report-option").count(), 9);
      await report.page.close();
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
