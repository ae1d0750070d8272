// Journeys of issue 10 (share links, QR, plan files): a shared link opens
// in a fresh browser profile; sharing never loses the open plan; a damaged
// link says what is wrong in zh and en and keeps the plan; a downloaded
// plan file opens again by the file picker and by a drop; files that are
// not plans say what they are; the share dialog passes axe; screenshots of
// the dialog and of a bad-link message in both languages at three sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";

import { journey } from "./support/journey.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";
import { newPage } from "./support/browser.mjs";
import { Planner } from "./pages/planner.mjs";

const j = journey();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

test("a shared link opens in a fresh browser profile, once, as a new saved plan", async () => {
  const sender = await j.start();
  await sender.planner.openTemplate("s3-euraflow");
  await sender.planner.byTestId("plan-name").fill("EuraFlow, for the budget meeting");
  await sender.planner.byTestId("plan-name").press("Enter");
  // The sender is looking at option B: the link opens there.
  await sender.planner.pickOption("b-split");
  const link = await sender.planner.openShare();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#p2\.[ez0][A-Za-z0-9_-]+&o=b-split$/);
  assert.ok(link.length < 2000, `${link.length} characters`);
  const qr = sender.planner.byTestId("share-qr");
  const modules = Number(await qr.getAttribute("data-modules"));
  // At least 4 CSS pixels per module on a desktop screen.
  const box = await qr.boundingBox();
  assert.ok(box.width / (modules + 8) >= 4, `${box.width} px for ${modules} modules`);
  const tabs = await sender.planner.byTestId("option-tabs").locator(".option-tab").count();
  assert.deepEqual(sender.errors, []);
  await sender.context.close();

  // Another person: a new context, whose first visit is the link.
  const { context, page, errors } = await newPage(j.browser);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const planner = new Planner(page, j.site.url);
  await planner.open(link.slice(link.indexOf("#")));
  assert.equal(await planner.planName(), "EuraFlow, for the budget meeting");
  // The extras unpacked it; the tools worker (which writes links) was not needed.
  assert.ok(fetched.includes("/stackfit-extras_bg.wasm"), fetched.join(" "));
  assert.deepEqual(fetched.filter((p) => p.includes("stackfit-tools")), []);
  assert.equal(await planner.byTestId("option-tabs").locator(".option-tab").count(), tabs);
  assert.equal(await planner.byTestId("option-tab-b-split").getAttribute("aria-selected"), "true", "on the sender's option");
  await planner.compareRow("b-split").waitFor();
  const notice = await planner.openNotice();
  assert.equal(notice.outcome, "opened");
  assert.equal(notice.source, "link");
  // The fragment left the address bar, so a reload does not open it again.
  assert.equal(new URL(page.url()).hash, "");
  await page.reload();
  await planner.ready();
  assert.equal(await planner.planName(), "EuraFlow, for the budget meeting");
  assert.deepEqual(await planner.savedPlanNames(), ["EuraFlow, for the budget meeting"]);
  assert.equal(await planner.byTestId("open-notice").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("sharing copies the link and never loses the open plan", async () => {
  const { planner, page, context, errors } = await j.start();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: j.site.url });
  await planner.openTemplate("s3-euraflow");
  await planner.paletteItem("flower").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
  await planner.placements("flower").waitFor();
  const before = await planner.savedPlanNames();

  const link = await planner.openShare();
  await planner.byTestId("share-copy").click();
  await planner.page.waitForFunction(() => document.querySelector('[data-testid="share-status"]').textContent.includes("Link copied"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await page.keyboard.press("Escape");
  await planner.byTestId("share-dialog").waitFor({ state: "detached" });
  // Focus goes back to the Share button.
  await planner.focusReturnsTo("share-open");

  // The plan, its edit, its undo history and the saved plans are as they were.
  assert.equal(await planner.placements("flower").count(), 1);
  assert.equal(await planner.byTestId("undo").isEnabled(), true);
  assert.deepEqual(await planner.savedPlanNames(), before);
  assert.equal(new URL(page.url()).hash, "");

  // The sender opening their own link gets a copy; the original stays.
  await page.goto(link);
  await planner.byTestId("open-notice").waitFor();
  const after = await planner.savedPlanNames();
  assert.equal(after.length, before.length + 1, after.join(" | "));
  assert.equal(await planner.placements("flower").count(), 1, "the copy carries the edit");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, expect] of [
  ["en-US", { cut: /incomplete: it was cut off/, damaged: /damaged: some of its characters were changed/, newer: /newer StackFit/, kept: /Your current plan is unchanged\./ }],
  ["zh-CN", { cut: /链接不完整：复制时被截断了/, damaged: /链接已损坏：其中有字符被改动/, newer: /更新版本的 StackFit/, kept: /当前方案保持不变。/ }],
]) {
  const lang = locale.slice(0, 2);
  test(`a bad link says what is wrong (${lang}) and the plan stays as it was`, async () => {
    const { planner, page, context, errors } = await j.start({ locale });
    await planner.openTemplate("s2-ecs-2c2g");
    const name = await planner.planName();
    const link = await planner.openShare();
    await page.keyboard.press("Escape");
    const saved = await planner.savedPlanNames();
    const base = link.slice(0, link.indexOf("#"));
    const fragment = link.slice(link.indexOf("#") + 1);
    const flipped = fragment.slice(0, 40) + "*" + fragment.slice(41);

    // Pasted into the address bar of the open planner (a hashchange).
    for (const [bad, message] of [
      [fragment.slice(0, Math.floor(fragment.length * 0.6)), expect.cut],
      [flipped, expect.damaged],
      ["p9." + fragment.slice(3), expect.newer],
    ]) {
      await page.goto(`${base}#${bad}`);
      await planner.page.waitForFunction(
        (bad) => document.querySelector('[data-testid="open-notice"]')?.dataset.outcome === "refused" && location.hash === `#${bad}`,
        bad,
      );
      const notice = await planner.openNotice();
      assert.equal(notice.source, "link");
      assert.match(notice.text, message);
      assert.match(notice.text, expect.kept);
      assert.equal(await planner.planName(), name);
      await planner.byTestId("open-notice-dismiss").click();
    }
    assert.deepEqual(await planner.savedPlanNames(), saved);

    // Loaded fresh with a bad link: the planner opens on the plan it had.
    await page.goto(`${base}#${flipped}`);
    await planner.ready();
    assert.match((await planner.openNotice()).text, expect.damaged);
    assert.equal(await planner.planName(), name);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a plan file downloads, and opens again by the file picker and by a drop", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s4-voc");
  await planner.byTestId("plan-name").fill("VOC: A/B review");
  await planner.byTestId("plan-name").press("Enter");
  await planner.openShare();
  const [download] = await Promise.all([page.waitForEvent("download"), planner.byTestId("plan-download").click()]);
  assert.equal(download.suggestedFilename(), "VOC- A-B review.stackfit.json");
  mkdirSync("target/tmp", { recursive: true });
  const path = "target/tmp/VOC- A-B review.stackfit.json";
  await download.saveAs(path);
  const text = readFileSync(path, "utf8");
  assert.equal(JSON.parse(text).format, "stackfit-plan");
  assert.match(await planner.byTestId("share-status").textContent(), /Downloaded “VOC- A-B review\.stackfit\.json”/);
  await page.keyboard.press("Escape");
  const before = (await planner.savedPlanNames()).length;

  // The picker.
  await planner.openShare();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), planner.byTestId("plan-file-open").click()]);
  await chooser.setFiles(path);
  let notice = await planner.openNotice();
  assert.deepEqual([notice.outcome, notice.source], ["opened", "file"]);
  assert.match(notice.text, /Opened “VOC- A-B review\.stackfit\.json”/);
  // The plan it was saved from is still in the list: the copy is numbered.
  assert.equal(await planner.planName(), "VOC: A/B review (2)");
  assert.equal((await planner.savedPlanNames()).length, before + 1);

  // A drop anywhere on the page.
  await planner.openTemplate("s0-finrep");
  await planner.dropFile("VOC- A-B review.stackfit.json", text);
  await planner.page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').value === "VOC: A/B review (3)");
  notice = await planner.openNotice();
  assert.deepEqual([notice.outcome, notice.source], ["opened", "file"]);
  const names = await planner.savedPlanNames();
  assert.equal(names.length, before + 3);
  assert.equal(new Set(names).size, names.length, `one name each: ${names.join(" | ")}`);

  // A plan the restore step repairs lists each fix.
  const plan = JSON.parse(text);
  plan.plan.options.push(plan.plan.options[0]);
  await planner.dropFile("twice.stackfit.json", JSON.stringify(plan));
  await planner.byTestId("open-fixes").waitFor();
  assert.match(await planner.byTestId("open-fixes").textContent(), /was repeated; renamed to/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, expect] of [
  ["en-US", { png: /it is a PNG image/, yaml: /YAML file \(a docker-compose file\?\)\. .*use Import… in the header\./, json: /JSON, but not a StackFit plan \(its fields: elements, type\)/, big: /more than any plan needs/, kept: /Your current plan is unchanged\./ }],
  ["zh-CN", { png: /而是 PNG 图片/, yaml: /YAML 文件（可能是 docker-compose 文件）。.*请用顶栏的“导入…”。/, json: /这是 JSON 文件，但不是 StackFit 方案（其中的字段：elements、type）/, big: /远超任何方案所需/, kept: /当前方案保持不变。/ }],
]) {
  const lang = locale.slice(0, 2);
  test(`a dropped file that is not a plan says what it is (${lang})`, async () => {
    const { planner, context, errors } = await j.start({ locale });
    const name = await planner.planName();
    const saved = await planner.savedPlanNames();
    const cases = [
      ["diagram.png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "image/png", expect.png],
      ["docker-compose.yml", "services:\n  db:\n    image: postgres:16\n", "application/yaml", expect.yaml],
      ["scene.json", '{"type": "excalidraw", "elements": []}', "application/json", expect.json],
      ["huge.stackfit.json", " ".repeat(5 * 1024 * 1024), "application/json", expect.big],
    ];
    for (const [file, bytes, type, message] of cases) {
      await planner.dropFile(file, bytes, type);
      await planner.page.waitForFunction(
        (file) => document.querySelector('[data-testid="open-notice"]')?.textContent.includes(file),
        file,
      );
      const notice = await planner.openNotice();
      assert.deepEqual([notice.outcome, notice.source], ["refused", "file"]);
      assert.match(notice.text, message);
      assert.match(notice.text, expect.kept);
      assert.equal(await planner.planName(), name);
    }
    assert.deepEqual(await planner.savedPlanNames(), saved);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const locale of ["en-US", "zh-CN"]) {
  test(`axe finds no serious or critical violations in the share dialog (${locale})`, async () => {
    const { planner, context, errors } = await j.start({ locale, viewport: { width: 1280, height: 720 } });
    await planner.openTemplate("s3-euraflow");
    await planner.openShare();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`share screens ${lang} ${size}`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      const menu = viewport.width < 700 ? "template-menu-phone" : "template-menu";
      // S2 has the longest link of the templates, so the largest QR code.
      await planner.openTemplate("s2-ecs-2c2g", menu);
      const link = await planner.openShare();
      await planner.settle(200);
      await planner.screenshot(`share-dialog-${lang}-${size}`);
      if (viewport.width >= 1280) {
        // The whole dialog is on screen, and the code at 4 px a module.
        const dialog = await planner.byTestId("share-dialog").boundingBox();
        assert.ok(dialog.y >= 0 && dialog.y + dialog.height <= viewport.height, JSON.stringify(dialog));
        const qr = planner.byTestId("share-qr");
        const modules = Number(await qr.getAttribute("data-modules"));
        assert.ok((await qr.boundingBox()).width >= (modules + 8) * 4, `${modules} modules`);
      }
      await page.keyboard.press("Escape");
      const fragment = link.slice(link.indexOf("#") + 1);
      await page.goto(`${link.slice(0, link.indexOf("#"))}#${fragment.slice(0, fragment.length - 300)}`);
      await planner.byTestId("open-notice").waitFor();
      await planner.settle(200);
      await planner.screenshot(`share-bad-link-${lang}-${size}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test("what the user changes while a link is on its way is saved before the link's plan opens", async () => {
  const sender = await j.start();
  await sender.planner.openTemplate("s3-euraflow");
  const link = await sender.planner.openShare();
  await sender.context.close();

  // A first visit through the link, on a connection where the extras (which
  // unpack it) are slow.
  const { context, page, errors } = await newPage(j.browser);
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/stackfit-extras_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  const planner = new Planner(page, j.site.url);
  await page.goto(j.site.url + link.slice(link.indexOf("#")));
  // The planner is on screen, not yet ready: the link is still being read.
  await planner.byTestId("plan-name").waitFor();
  assert.equal(await planner.byTestId("app-ready").count(), 0);
  // Meanwhile the user names the plan on screen.
  await planner.byTestId("plan-name").fill("My own notes");
  await planner.byTestId("plan-name").press("Enter");
  release();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.value === "EuraFlow order sync (S3)");
  assert.deepEqual((await planner.savedPlanNames()).sort(), ["EuraFlow order sync (S3)", "My own notes"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the extras cannot load, a link and a file are refused with the reason and the plan stays", async () => {
  const sender = await j.start();
  await sender.planner.openTemplate("s2-ecs-2c2g");
  const link = await sender.planner.openShare();
  await sender.context.close();

  // A visit whose extras (which unpack links and read plan files) fail to load.
  const { context, page, errors } = await newPage(j.browser, { locale: "zh-CN" });
  await page.route("**/stackfit-extras_bg.wasm*", (route) => route.fulfill({ status: 503, body: "unavailable" }));
  const planner = new Planner(page, j.site.url);
  await planner.open(link.slice(link.indexOf("#")));
  const refused = await planner.openNotice();
  assert.equal(refused.outcome, "refused");
  assert.equal(refused.source, "link");
  assert.match(refused.text, /页面的链接工具没有响应（\.\/stackfit-extras_bg\.wasm: HTTP 503），请重新加载页面再试。/);
  assert.match(refused.text, /当前方案保持不变。/);
  const name = await planner.planName();
  const saved = await planner.savedPlanNames();
  await planner.byTestId("open-notice-dismiss").click();

  await planner.dropFile("s2.stackfit.json", readFileSync(new URL("../../assets/templates/s2-ecs-2c2g.zh.json", import.meta.url), "utf8"));
  const file = await planner.openNotice();
  assert.equal(file.outcome, "refused");
  assert.equal(file.source, "file");
  assert.match(file.text, /页面无法读取这个文件：读取文件的模块没有加载（\.\/stackfit-extras_bg\.wasm: HTTP 503），请重新加载页面再试。/);
  await planner.screenshot("share-extras-unavailable-zh");
  assert.equal(await planner.planName(), name);
  assert.deepEqual(await planner.savedPlanNames(), saved);
  // Only the refused extras' own load is logged.
  assert.deepEqual(errors.filter((e) => !/503|extras/i.test(e)), []);
  await context.close();
});
