// Prints how fast the planner responds, on this machine, against the built
// site (`make measure`; run a release build first):
//   - drop → updated diagram on the S4 template: a service dropped on server A
//     until A's memory diagram shows the new numbers, median of 20;
//   - navigation → app-ready: from the start of navigation until the app has
//     mounted, median of 10 loads.
// Targets: under 16 ms and under 500 ms. This is a report that prints
// figures, not a test: it never fails on a slow run.
import { serveStatic } from "../tests/e2e/support/server.mjs";
import { launch, newPage } from "../tests/e2e/support/browser.mjs";
import { Planner } from "../tests/e2e/pages/planner.mjs";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const site = await serveStatic("dist");
const browser = await launch();
try {
  // Navigation → app-ready.
  const loads = [];
  for (let i = 0; i < 10; i++) {
    const { context, page } = await newPage(browser);
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="app-ready"]')) {
          window.__readyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const planner = new Planner(page, site.url);
    await planner.open();
    loads.push(await page.evaluate(() => window.__readyAt));
    await context.close();
  }

  // Drop → updated diagram, on S4.
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 1400 } });
  const planner = new Planner(page, site.url);
  await planner.open();
  await planner.openTemplate("s4-voc");
  await planner.serverCard("A").waitFor();
  const drops = await page.evaluate(async () => {
    const card = () => document.querySelector('[data-testid="server-card"][data-server-label^="A"]');
    const caption = () => card().querySelector('[data-testid="memory-diagram-text"]').textContent;
    const undo = document.querySelector('[data-testid="undo"]');
    const changed = (before) =>
      new Promise((resolve) => {
        if (caption() !== before) return resolve();
        const observer = new MutationObserver(() => {
          if (caption() !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(card(), { subtree: true, childList: true, characterData: true, attributes: true });
      });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const times = [];
    for (let i = 0; i < 21; i++) {
      const before = caption();
      const data = new DataTransfer();
      data.setData("application/x-stackfit-service", "redis");
      const drop = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data });
      const t0 = performance.now();
      card().dispatchEvent(drop);
      await changed(before);
      const t1 = performance.now();
      if (i > 0) times.push(t1 - t0); // the first drop warms caches
      await frame();
      const after = caption();
      undo.click();
      await changed(after);
      await frame();
    }
    return times;
  });
  await context.close();

  console.log("StackFit responsiveness (headless Chromium, this machine)");
  console.log(`  drop → updated diagram (S4, server A), median of ${drops.length}: ${fmt(median(drops))}  (min ${fmt(Math.min(...drops))}, max ${fmt(Math.max(...drops))}; target < 16 ms)`);
  console.log(`  navigation → app-ready, median of ${loads.length}: ${fmt(median(loads))}  (min ${fmt(Math.min(...loads))}, max ${fmt(Math.max(...loads))}; target < 500 ms)`);
} finally {
  await browser.close();
  await site.close();
}
