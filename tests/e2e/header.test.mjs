// Journey: the top bar on a laptop and a small laptop, in both languages.
// Its buttons (plans, prices, report, share, import, undo, redo, language)
// keep their words on one line — at 1280 px in English they used to break
// ("My / prices", "中 / 文") — and no two of them overlap.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

/** Each top-bar button's box and whether its text runs over one line. */
async function buttons(page) {
  return page.$$eval(".topbar button", (els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(e).lineHeight) || 20;
        const pad = parseFloat(getComputedStyle(e).paddingTop) + parseFloat(getComputedStyle(e).paddingBottom);
        const border = parseFloat(getComputedStyle(e).borderTopWidth) * 2;
        return {
          text: e.textContent.trim(),
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          lines: Math.round((r.height - pad - border) / line),
        };
      }),
  );
}

for (const [locale, lang] of [["en-US", "en"], ["zh-CN", "zh"]]) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    test(`top bar at ${viewport.width}×${viewport.height} in ${lang}: one line per button, none overlapping`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      await planner.openTemplate("s3-euraflow");
      const boxes = await buttons(page);
      assert.ok(boxes.length >= 8, `top-bar buttons: ${boxes.map((b) => b.text)}`);
      for (const b of boxes) assert.equal(b.lines, 1, `"${b.text}" runs over ${b.lines} lines`);
      for (const a of boxes) {
        for (const b of boxes) {
          if (a === b) continue;
          const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
          assert.ok(apart, `"${a.text}" overlaps "${b.text}"`);
        }
      }
      await planner.screenshot(`header-${lang}-${viewport.width}x${viewport.height}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
