// Journey: the layout at 1280×720 (and 1440×900). The options side by side
// — monthly cost, its difference, verdict, headroom and what limits each —
// are on screen; chips, palette entries, tier ids and units read whole.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

/** Whether `locator` can be seen: inside the viewport and not clipped by
 * any scrolling ancestor (a table cell scrolled out of its panel is hidden). */
async function onScreen(page, locator) {
  return locator.evaluate((el) => {
    let r = el.getBoundingClientRect();
    let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    if (r.width === 0 || r.height === 0) return false;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (/(auto|scroll|hidden)/.test(style.overflowX + style.overflowY)) {
        const c = a.getBoundingClientRect();
        if (box.left < c.left - 1 || box.right > c.right + 1 || box.top < c.top - 1 || box.bottom > c.bottom + 1) return false;
      }
    }
    return box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth + 1 && box.bottom <= window.innerHeight + 1;
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`S3's options side by side are readable at ${viewport.width}×${viewport.height}`, async () => {
    const { planner, page, context, errors } = await j.start({ viewport });
    await planner.openTemplate("s3-euraflow");
    await planner.byTestId("option-compare").waitFor();
    const rows = planner.byTestId("option-compare").locator("tbody tr");
    // S3 has nine options; the panel may scroll, but no cell is hidden.
    assert.equal(await rows.count(), 9);
    for (let i = 0; i < 9; i++) {
      const cells = rows.nth(i).locator("th, td");
      await cells.first().scrollIntoViewIfNeeded();
      // Option, verdict, monthly, the difference, headroom, limited by.
      for (let c = 0; c < 6; c++) {
        assert.ok(await onScreen(page, cells.nth(c)), `row ${i} cell ${c} is visible once its row is scrolled to`);
      }
    }
    const b = planner.compareRow("b-split");
    assert.match(await b.locator('[data-testid="compare-delta"]').textContent(), /^\+¥1,200\.00$/);
    assert.match(await b.textContent(), /quote/);
    assert.match(await planner.compareRow("now-proposed").textContent(), /does not fit.*CPU/s);
    // The recommendation is the stated rule's, not a name's.
    const recommended = planner.byTestId("option-compare").locator('[data-testid="recommended-option"]');
    assert.equal(await recommended.count(), 1);
    assert.equal(await planner.compareRow("a-tencent").locator('[data-testid="recommended-option"]').count(), 1);
    assert.match(await planner.byTestId("recommend-rule").textContent(), /^Recommended: the cheapest option that fits/);
    assert.ok(await onScreen(page, planner.byTestId("recommend-rule")));
    await planner.screenshot(`layout-s3-en-${viewport.width}x${viewport.height}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a card has one expected/peak pair, and the reserve is its own part", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  const card = planner.serverCards().first();
  const expected = Number(await card.getAttribute("data-expected-mib"));
  const peak = Number(await card.getAttribute("data-peak-mib"));
  const mib = (m) => (m < 1024 ? `${m}\u00a0MiB` : `${(Math.round((m * 10) / 1024) / 10).toString()}\u00a0GiB`);
  // The caption's pair is the card's own totals (no reserve folded in) …
  const caption = await card.locator('[data-testid="memory-caption"]').textContent();
  assert.ok(caption.startsWith(`expected ${mib(expected)} · peak ${mib(peak)} of `), caption);
  // … and the numbers line gives the reserve, not a second pair.
  const numbers = await card.locator('[data-testid="server-numbers"]').textContent();
  assert.match(numbers, /^usable .* − reserve \d+\u00a0MiB = .* allocatable · limits /);
  assert.doesNotMatch(numbers, /expected|peak/);
  assert.match(await card.locator('[data-testid="memory-diagram-text"]').textContent(), /System reserve \d+ MiB/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("CPU counts in the verdict: a CPU-bound server is not green, says why, and its fix names a price", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  await planner.openTemplate("s2-ecs-2c2g");
  await planner.pickOption("upgrade-2c4g");
  assert.equal(await planner.verdict(), "does-not-fit");
  const card = planner.serverCards().first();
  assert.equal(await card.locator('[data-testid="limited-by"]').getAttribute("data-resource"), "cpu");
  assert.match(await card.locator('[data-testid="limited-by"]').textContent(), /limited by CPU: 2\.04 of 2\u00a0vCPU expected/);
  const cpu = planner.finding("cpu-oversubscribed");
  await cpu.locator("summary").click();
  // The numbers behind it in words with units, never raw keys.
  const numbers = await cpu.locator("dl").textContent();
  assert.match(numbers, /expected CPU2\.035\u00a0CPUs/);
  assert.doesNotMatch(numbers, /cpu_millicores|vcpu\b/);
  const fix = await cpu.locator('[data-testid="apply-fix"]').textContent();
  assert.match(fix, /^Upgrade to .* \(4\svCPU \/ 8\sGiB\) — (≈?¥[\d,.]+\/month|price unknown)/);
  await planner.screenshot("layout-cpu-bound-en-1280x720");
  await cpu.locator('[data-testid="apply-fix"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "fits");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an upgrade fix quotes the tier's price as the tier list does", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  await planner.openTemplate("s2-ecs-2c2g");
  await planner.pickOption("plus-standard");
  const fix = await planner.finding("does-not-fit").locator('[data-testid="apply-fix"]').textContent();
  const [, tierName, price] = fix.match(/^Upgrade to (\S+) .* — (≈¥[\d,.]+\/month \(estimated\))/) ?? [];
  assert.ok(tierName, fix);
  await planner.serverCards().first().locator('[data-testid="tier-picker"]').click();
  const listed = planner.byTestId("tier-panel").locator("button", { hasText: tierName }).first();
  assert.equal((await listed.locator(".tier-price").textContent()).replace(/\u00a0/g, " "), price.replace(/\u00a0/g, " "));
  assert.deepEqual(errors, []);
  await context.close();
});

test("an option-level quote says it is a quote, where it comes from and what it covers", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  await planner.openTemplate("s3-euraflow");
  await planner.pickOption("b-split");
  const quote = await planner.byTestId("option-quote").textContent();
  assert.match(quote, /^A quote for the whole option: ¥2,000\.00\/month covering all 3 servers \(web 4C8G, worker 8C16G, database 4C16G\)/);
  assert.match(quote, /Source: S3 report: ~¥2000–2500\/month for the three servers/);
  assert.equal(await planner.byTestId("unpriced").count(), 0, "no 'not counted' next to a quote that covers them");
  assert.deepEqual(errors, []);
  await context.close();
});

test("chips, palette entries, tier ids and units read whole", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  await planner.openTemplate("s3-euraflow");
  await planner.serverCards().first().waitFor();
  // No chip name is cut; S3's three workers are told apart by their ids.
  const cut = await page.$$eval(".placement-name", (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  assert.deepEqual(cut, []);
  const ids = await page.$$eval('[data-testid="placement-celery-prefork"] .placement-id', (els) => els.map((e) => e.textContent));
  assert.deepEqual(ids.sort(), ["worker-high", "worker-low", "worker-normal"]);
  // Palette entries: the name and the image never overlap.
  const overlaps = await page.$$eval(".palette-item", (items) =>
    items
      .map((item) => {
        const a = item.querySelector(".name")?.getBoundingClientRect();
        const b = item.querySelector(".image")?.getBoundingClientRect();
        if (!a || !b) return null;
        const hit = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        return hit ? item.dataset.testid : null;
      })
      .filter(Boolean),
  );
  assert.deepEqual(overlaps, []);
  // A tier id is one line; a number keeps its unit.
  const tier = planner.serverCards().first().locator(".tier-button .tier-name");
  const lineHeight = await tier.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 20);
  assert.ok((await tier.boundingBox()).height < lineHeight * 1.6, "the tier id does not wrap");
  const captions = await page.$$eval('[data-testid="cpu-caption"], [data-testid="memory-caption"]', (els) => els.map((e) => e.textContent));
  for (const c of captions) assert.doesNotMatch(c, /\d [%GMK]/, `a unit may wrap away: ${c}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a placement keeps its colour when it moves to another server", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s4-voc");
  await planner.serverCard("B").waitFor();
  const chips = planner.serverCard("B").locator(".placement");
  const n = await chips.count();
  for (let i = 0; i < n; i++) {
    const chip = planner.serverCard("B").locator(".placement").first();
    const id = await chip.getAttribute("data-placement-id");
    const before = await chip.locator(".swatch").evaluate((e) => getComputedStyle(e).backgroundColor);
    await chip.locator(".placement-name").click();
    await chip.locator('[data-testid="move-to"]').selectOption({ index: 1 });
    const moved = planner.serverCard("A").locator(`[data-placement-id="${id}"] .swatch`);
    await moved.waitFor();
    assert.equal(await moved.evaluate((e) => getComputedStyle(e).backgroundColor), before, id);
  }
  await page.waitForTimeout(50);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a server's name is shown whole at 1280 px: its verdict wraps below instead", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.openTemplate("s4-voc");
  const labels = planner.serverCards().locator('[data-testid="server-label"]');
  assert.equal(await labels.count(), 2);
  for (const label of await labels.all()) {
    const [scroll, client, value] = await label.evaluate((el) => [el.scrollWidth, el.clientWidth, el.value]);
    assert.ok(scroll <= client + 1, `“${value}”: ${scroll} px of text in ${client} px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
