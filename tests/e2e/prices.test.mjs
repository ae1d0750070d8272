// Journey: "my prices" — a quote in the price book changes a total (a
// prepaid quote its yearly figure), says where it comes from, survives a
// reload; a bad CSV is refused with its line and column in the user's
// language and changes nothing; a good one imports; the book exports; the
// tier picker opens the book on one tier; a damaged stored book is
// reported and set aside; a plan's sender's quotes can be copied.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";

const j = journey();
const HEADER = "tier,monthly_cny,yearly_cny,billing,date,note";
const TIER = "aliyun-ecs-c7-large";

test("a quote in my prices prices the plan, and a prepaid quote sets its yearly figure", async () => {
  const { planner, page, context, errors } = await j.start();
  // The empty plan's 2C4G ECS has no sourced list price.
  await planner.openTemplate("empty");
  await page.waitForFunction(() => /price unknown/.test(document.querySelector('[data-testid="total-monthly"]').textContent));

  await planner.openPrices();
  assert.equal(await planner.priceBook.locator('[data-testid="quote-tier"]').inputValue(), TIER, "starts on the plan's tier");
  assert.match(await planner.priceBook.locator('[data-testid="quote-date"]').inputValue(), /^\d{4}-\d{2}-\d{2}$/, "dated today");
  assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the price book dialog");
  await planner.saveQuote({ monthly: "180", note: "sales, 15 % off" });
  await planner.quoteRow(TIER).waitFor();
  await planner.closeDialog();

  assert.equal(await planner.totalMonthly(), "¥180.00");
  assert.equal((await planner.byTestId("total-yearly").textContent()).trim(), "¥2,160.00");
  assert.match(await planner.byTestId("server-price-source").first().textContent(), /your quote of \d{4}-\d{2}-\d{2}: sales, 15 % off/);
  assert.match(await planner.byTestId("total-price-source").textContent(), /Prices: your quote of/);

  // Prepaid: the year is the quote's own, not 12 months.
  await planner.openPrices();
  await planner.quoteRow(TIER).locator('[data-testid="quote-edit"]').click();
  assert.equal(await planner.priceBook.locator('[data-testid="quote-monthly"]').inputValue(), "180.00");
  await planner.saveQuote({ yearly: "1836", billing: "yearly-prepaid" });
  await page.waitForFunction(() => document.querySelector('[data-testid="total-yearly"]').textContent.includes("1,836.00"));
  assert.match(await planner.quoteRow(TIER).locator('[data-testid="quote-row-yearly"]').textContent(), /¥1,836\.00 \(prepaid\)/);
  await planner.closeDialog();
  assert.equal(await planner.totalMonthly(), "¥180.00");
  assert.match(await planner.byTestId("server-price-source").first().textContent(), /your yearly prepaid quote/);

  // Kept in the browser: a reload prices the plan the same way.
  await page.reload();
  await planner.ready();
  assert.equal(await planner.totalMonthly(), "¥180.00");
  assert.equal((await planner.byTestId("total-yearly").textContent()).trim(), "¥1,836.00");

  // Removed: the price is unknown again, never ¥0.
  await planner.openPrices();
  await planner.quoteRow(TIER).locator('[data-testid="quote-remove"]').click();
  await planner.priceBook.locator('[data-testid="no-quotes"]').waitFor();
  await planner.closeDialog();
  assert.match(await planner.totalMonthly(), /price unknown/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a refused value in the quote form is named and nothing is saved", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN" });
  await planner.openPrices();
  await planner.saveQuote({ monthly: "很多", yearly: "-5" });
  const book = planner.priceBook;
  assert.match(await book.locator('[data-testid="quote-monthly-error"]').textContent(), /无法识别“很多”：请填写每月金额（元）/);
  assert.match(await book.locator('[data-testid="quote-yearly-error"]').textContent(), /无法识别“-5”/);
  assert.equal(await book.locator('[data-testid="quote-row"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a quote that gives only its yearly price is enough: the month is its year / 12", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "zh-CN" });
  await planner.openTemplate("empty");
  await planner.openPrices();
  // Neither price: the month is asked for, and the year offered instead.
  await planner.saveQuote({ note: "" });
  assert.match(await planner.priceBook.locator('[data-testid="quote-monthly-error"]').textContent(), /请填写每月价格，或只填包年价格/);
  assert.equal(await planner.priceBook.locator('[data-testid="quote-row"]').count(), 0);
  await planner.saveQuote({ yearly: "1836", billing: "yearly-prepaid" });
  await planner.quoteRow(TIER).waitFor();
  // The table says where its month comes from.
  const month = planner.quoteRow(TIER).locator('[data-testid="quote-row-monthly"]');
  assert.equal((await month.textContent()).replace(/\u00a0/g, " "), "¥153.00（按年价 ÷ 12）");
  await planner.closeDialog();
  assert.equal(await planner.totalMonthly(), "¥153.00");
  assert.equal((await planner.byTestId("total-yearly").textContent()).trim(), "¥1,836.00");
  await planner.switchLanguage();
  await planner.openPrices();
  assert.equal((await month.textContent()).replace(/\u00a0/g, " "), "¥153.00 (year ÷ 12)");
  await planner.closeDialog();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, expected] of [
  ["en-US", /Not imported: line 3, column 2: "abc" is not a monthly price in yuan .*No quote was imported; your prices are unchanged\./],
  ["zh-CN", /无法导入：第 3 行第 2 列：“abc”不是合法的月价格（元，.*）。没有导入任何报价，原有报价不变。/],
]) {
  test(`a price-book CSV with an error is refused with its line and column (${locale})`, async () => {
    const { planner, context, errors } = await j.start({ locale });
    await planner.openPrices();
    await planner.saveQuote({ tier: "tencent-cvm-s6-medium4", monthly: "99" });
    await planner.quoteRow("tencent-cvm-s6-medium4").waitFor();
    // The first quote is fine, the second is not: nothing is imported.
    await planner.importPrices("bad.csv", `${HEADER}\n${TIER},180,,monthly,2026-11-30,\naliyun-ecs-c7-xlarge,abc,,monthly,2026-11-30,\n`);
    const error = planner.priceBook.locator('[data-testid="prices-import-error"]');
    await error.waitFor();
    assert.match(await error.textContent(), expected);
    assert.equal(await planner.priceBook.locator('[data-testid="quote-row"]').count(), 1, "the book is unchanged");

    // A good file adds its quotes (each replacing its tier's).
    await planner.importPrices("good.csv", `\ufeff${HEADER}\n${TIER},180,1836,yearly-prepaid,2026-11-30,"sales, 15 % off"\ntencent-cvm-s6-medium4,120,,promotion,2026-11-29,\n`);
    await planner.quoteRow(TIER).waitFor();
    assert.equal(await planner.priceBook.locator('[data-testid="quote-row"]').count(), 2);
    assert.equal(await error.count(), 0, "the error is gone");
    assert.match(await planner.quoteRow("tencent-cvm-s6-medium4").textContent(), /¥120\.00/);

    // And exports as CSV that reads back.
    const [download] = await Promise.all([
      planner.page.waitForEvent("download"),
      planner.priceBook.locator('[data-testid="prices-export"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^stackfit-prices-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readDownload(download);
    assert.ok(text.startsWith(`\ufeff${HEADER}\n`), text);
    assert.match(text, /aliyun-ecs-c7-large,180\.00,1836\.00,yearly-prepaid,2026-11-30,"sales, 15 % off"/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("'my price' in the tier picker opens the price book on that tier", async () => {
  const { planner, page, context, errors } = await j.start();
  const card = planner.serverCards().first();
  await card.locator('[data-testid="tier-picker"]').click();
  await planner.byTestId("set-price-aliyun-ecs-c7-2xlarge").click();
  await planner.priceBook.waitFor();
  assert.equal(await planner.byTestId("tier-panel").count(), 0, "the tier list closed");
  assert.equal(await planner.priceBook.locator('[data-testid="quote-tier"]').inputValue(), "aliyun-ecs-c7-2xlarge");
  await planner.saveQuote({ monthly: "610" });
  await planner.quoteRow("aliyun-ecs-c7-2xlarge").waitFor();
  await planner.closeDialog();
  // The tier list now prices that tier with the quote, and says whose it is.
  await card.locator('[data-testid="tier-picker"]').click();
  assert.match(await planner.byTestId("tier-option-aliyun-ecs-c7-2xlarge").textContent(), /¥610\.00\/month \(your quote, \d{4}-\d{2}-\d{2}\)/);
  await page.keyboard.press("Escape");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged stored price book is reported and set aside, not dropped", async () => {
  const { planner, page, context, errors } = await j.start();
  await page.evaluate(() => localStorage.setItem("stackfit.prices.v1", JSON.stringify("tier,monthly\nnot a price book")));
  await page.reload();
  await planner.ready();
  const bar = planner.byTestId("prices-notice-bar");
  await bar.waitFor();
  assert.match(await bar.textContent(), /Your saved prices could not be read \(line 1, column 1: the first line must be the header/);
  // The first change sets the old text aside under its own key.
  await planner.openPrices();
  await planner.saveQuote({ monthly: "150" });
  await planner.quoteRow(TIER).waitFor();
  const aside = await page.evaluate(() => JSON.parse(localStorage.getItem("stackfit.prices.v1.unreadable")));
  assert.equal(aside, "tier,monthly\nnot a price book");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a plan's quotes from its sender are shown as the sender's and can be copied into my prices", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("empty");
  await planner.settle(300);
  // A plan that arrived with its sender's quote (as a shared link carries it).
  await page.evaluate(() => {
    const id = JSON.parse(localStorage.getItem("stackfit.current"));
    const key = `stackfit.plan.${id}`;
    const file = JSON.parse(JSON.parse(localStorage.getItem(key)));
    file.plan.quotes = [{ tier: "aliyun-ecs-c7-large", monthly_fen: 16000, billing: "monthly", date: "2026-11-28", note: "their sales rep", from: "sender" }];
    localStorage.setItem(key, JSON.stringify(JSON.stringify(file)));
  });
  await page.reload();
  await planner.ready();
  assert.equal(await planner.totalMonthly(), "¥160.00");
  assert.match(await planner.byTestId("server-price-source").first().textContent(), /the sender's quote of 2026-11-28: their sales rep/);

  await planner.openPrices();
  const row = planner.priceBook.locator('[data-testid="sender-quote"][data-tier="aliyun-ecs-c7-large"]');
  assert.match(await row.textContent(), /sender's/);
  await row.locator('[data-testid="copy-quote"]').click();
  await planner.quoteRow(TIER).waitFor();
  assert.match(await row.textContent(), /Yours is used now: ¥160\.00\/month/);
  await planner.closeDialog();
  assert.match(await planner.byTestId("server-price-source").first().textContent(), /your quote of 2026-11-28/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The text of a Playwright download. */
async function readDownload(download) {
  const { readFile } = await import("node:fs/promises");
  return readFile(await download.path(), "utf8");
}

test("what is selected stays selected while dialogs open and close, the first time and every time after", async () => {
  const { planner, context, errors } = await j.start();
  await planner.selectPlacement("postgres");
  const selected = await planner.inspectorHeading();
  for (const time of ["first", "second", "third"]) {
    await planner.openPrices();
    await planner.closeDialog();
    await planner.priceBook.waitFor({ state: "detached" });
    assert.equal(await planner.inspectorHeading(), selected, `after the ${time} price book`);
  }
  await planner.openShare();
  await planner.closeDialog();
  await planner.byTestId("share-dialog").waitFor({ state: "detached" });
  assert.equal(await planner.inspectorHeading(), selected, "after the share dialog");
  assert.deepEqual(errors, []);
  await context.close();
});
