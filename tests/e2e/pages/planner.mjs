// Page object for the planner: journeys talk to it, never to raw selectors.
// Every element is found by its data-testid (listed in ARCHITECTURE.md).

/** Text as read aloud: no-break spaces (numbers kept with their units) as spaces. */
function words(text) {
  return text.replace(/\u00a0/g, " ").trim();
}

export class Planner {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  /** Opens the site and waits until the app has mounted. */
  async open(hash = "") {
    await this.page.goto(this.baseUrl + hash);
    await this.ready();
  }

  async ready() {
    await this.byTestId("app-ready").waitFor({ timeout: 20_000 });
  }

  get palette() {
    return this.byTestId("palette");
  }

  get board() {
    return this.byTestId("board");
  }

  get langSwitch() {
    return this.byTestId("lang-switch");
  }

  paletteItem(serviceId) {
    return this.byTestId(`palette-item-${serviceId}`);
  }

  serverCards() {
    return this.page.locator('[data-testid="server-card"]');
  }

  /** The server card whose label starts with `label`. */
  serverCard(label) {
    return this.page.locator(`[data-testid="server-card"][data-server-label^="${label}"]`);
  }

  /** Placements of `serviceId` inside `scope` (a card, or the whole board). */
  placements(serviceId, scope = this.board) {
    return scope.locator(`[data-testid="placement-${serviceId}"]`);
  }

  placementById(placementId) {
    return this.page.locator(`[data-placement-id="${placementId}"]`);
  }

  async expectedMib(label) {
    return Number(await this.serverCard(label).getAttribute("data-expected-mib"));
  }

  async serverVerdict(label) {
    return this.serverCard(label).getAttribute("data-verdict");
  }

  /** The verdict of the option on screen: fits, tight, oom-risk or does-not-fit. */
  async verdict() {
    return this.byTestId("verdict").getAttribute("data-verdict");
  }

  async totalMonthly() {
    return (await this.byTestId("total-monthly").textContent()).trim();
  }

  async paletteHeading() {
    return (await this.palette.locator("h2").textContent()).trim();
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  async switchLanguage() {
    await this.langSwitch.click();
  }

  /** Opens a template from the menu (`testid`: the palette's or the phone's)
   * and waits until its plan is on screen: templates other than the first
   * are plan files the app fetches. */
  async openTemplate(id, testid = "template-menu") {
    if (id === "s0-finrep" || id === "empty") {
      await this.byTestId(testid).selectOption(id);
      return;
    }
    const before = await this.page.evaluate(() => {
      const el = document.querySelector('[data-testid="plan-name"]');
      return el && (el.value ?? el.textContent).trim();
    });
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().includes(`/templates/${id}.`)),
      this.byTestId(testid).selectOption(id),
    ]);
    const name = (await response.json()).plan.name;
    await this.page.waitForFunction(
      ([n, before]) => {
        const el = document.querySelector('[data-testid="plan-name"]');
        // Opened again, the copy is numbered: "S3 … (2)".
        const shown = el && (el.value ?? el.textContent).trim();
        const copy = shown?.startsWith(`${n} (`) && /\(\d+\)$/.test(shown);
        return shown !== before && (shown === n || copy);
      },
      [name, before],
    );
  }

  async pickOption(optionId) {
    await this.byTestId(`option-tab-${optionId}`).click();
    await this.page.waitForFunction(
      (id) => document.querySelector(`[data-testid="option-tab-${id}"]`)?.classList.contains("active"),
      optionId,
    );
  }

  /** Drags with the real mouse: press on `source`, move in steps, release on `target`. */
  async mouseDrag(source, target) {
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    // Aim at the middle of the part of the target that is on screen.
    const { height } = this.page.viewportSize();
    const top = Math.max(to.y, 0);
    const bottom = Math.min(to.y + to.height, height);
    if (bottom - top < 10) throw new Error("the drop target is not on screen");
    await this.page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 3 + 10, from.y + from.height / 2 + 5, { steps: 3 });
    await this.page.mouse.move(to.x + to.width / 2, (top + bottom) / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Waits until the element with `testid` has the focus (a dialog gives it back after it is gone). */
  async focusReturnsTo(testid) {
    await this.page.waitForFunction((t) => document.activeElement?.dataset?.testid === t, testid, { timeout: 5000 });
  }

  /** The data-testid of the element that has keyboard focus. */
  async focusedTestId() {
    return this.page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
  }

  /** What the live region last announced. */
  async announced() {
    return (await this.byTestId("announcer").textContent()).trim();
  }

  /** The row of the options table for `optionId`. */
  compareRow(optionId) {
    return this.byTestId("option-compare").locator(`tr[data-option-id="${optionId}"]`);
  }

  /** The inspector's heading (plan settings, a server or a placement). */
  async inspectorHeading() {
    return (await this.byTestId("inspector-heading").textContent()).trim();
  }

  /** Places `serviceId` as a keyboard user does: Enter on its palette item, then the menu's first server. */
  async placeByKeyboard(serviceId) {
    await this.paletteItem(serviceId).focus();
    await this.page.keyboard.press("Enter");
    await this.byTestId("place-menu").locator('[role="menuitem"]').first().click();
  }

  /** Selects a placement by clicking its chip. */
  async selectPlacement(serviceId, nth = 0) {
    await this.placements(serviceId).nth(nth).locator(".placement-name").click();
    await this.byTestId("inspector").locator('[data-testid="replicas"]').waitFor();
  }

  /** Clicks the board where no card is (its top-right corner). */
  async clickEmptyBoard() {
    const box = await this.board.boundingBox();
    await this.board.click({ position: { x: box.width - 12, y: 8 } });
  }

  /** Types into an inspector field as a person does and commits with Enter. */
  async typeAndCommit(testid, text) {
    const field = this.byTestId(testid);
    await field.fill("");
    await field.type(text);
    await field.press("Enter");
  }

  finding(id) {
    return this.byTestId(`finding-${id}`);
  }

  async undo() {
    await this.byTestId("undo").click();
  }

  async redo() {
    await this.byTestId("redo").click();
  }

  /** Waits until the diagrams have settled after a change. */
  async settle(ms = 700) {
    await this.page.waitForTimeout(ms);
  }

  /** Opens the share dialog and resolves to the whole share link it shows. */
  async openShare() {
    await this.byTestId("share-open").click();
    await this.byTestId("share-dialog").waitFor();
    await this.byTestId("share-qr").or(this.byTestId("share-qr-too-long")).waitFor();
    return this.byTestId("share-link").inputValue();
  }

  /** The names of the saved plans, as the plan menu lists them. */
  async savedPlanNames() {
    await this.byTestId("plan-menu").click();
    await this.byTestId("saved-plan").first().waitFor();
    const names = (await this.byTestId("saved-plan").allTextContents()).map((s) => s.trim());
    await this.page.keyboard.press("Escape");
    return names;
  }

  async planName() {
    return this.byTestId("plan-name").inputValue();
  }

  /** What the notice of an opened or refused link or file says. */
  async openNotice() {
    const notice = this.byTestId("open-notice");
    await notice.waitFor();
    return {
      outcome: await notice.getAttribute("data-outcome"),
      source: await notice.getAttribute("data-source"),
      text: (await notice.textContent()).trim(),
    };
  }

  /**
   * Drops a file on the board as a person drags one from the desktop:
   * `bytes` is a string or an array of byte values.
   */
  async dropFile(name, bytes, type = "application/json") {
    const board = '[data-testid="board"]';
    await this.page.evaluate(
      ({ name, bytes, type, board }) => {
        const data = typeof bytes === "string" ? bytes : new Uint8Array(bytes);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type }));
        window.__droppedFiles = dt;
        const target = document.querySelector(board);
        for (const kind of ["dragenter", "dragover"]) {
          target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
      },
      { name, bytes, type, board },
    );
    // While a file is over the page, a veil says what dropping does.
    await this.byTestId("drop-overlay").waitFor();
    await this.page.evaluate((board) => {
      const dt = window.__droppedFiles;
      document.querySelector(board).dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, board);
    await this.byTestId("drop-overlay").waitFor({ state: "detached" });
  }

  /** Opens the export dialog for the option on screen and waits for its files. */
  async openExport() {
    await this.byTestId("export-open").click();
    await this.byTestId("export-tabs").waitFor({ timeout: 20_000 });
  }

  /** The names of the export dialog's tabs, in order. */
  async exportTabNames() {
    return this.byTestId("export-tabs").locator('[role="tab"] .export-tab-name').allTextContents();
  }

  /** Selects the export tab of file `name` and waits for its text. */
  async exportTab(name) {
    await this.byTestId(`export-tab-${name}`).click();
    await this.page.waitForFunction(
      (n) => document.querySelector('[data-testid="export-file-name"]')?.textContent === n,
      name,
    );
    return this.byTestId("export-text").textContent();
  }

  /** Clicks `testid` and resolves to the download it starts: { name, bytes }. */
  async download(testid) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.byTestId(testid).click()]);
    const { readFile } = await import("node:fs/promises");
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Opens the import dialog. */
  async openImport() {
    await this.byTestId("import-open").click();
    await this.byTestId("import-dialog").waitFor();
  }

  /** Waits until the import preview answers what is in the dialog now
   * (typing starts a request after a pause; `data-busy` follows it). */
  async importSettled() {
    await this.page
      .waitForSelector('[data-testid="import-status"][data-busy="true"]', { timeout: 2000 })
      .catch(() => {});
    await this.page.waitForSelector('[data-testid="import-status"][data-busy="false"]', { timeout: 20_000 });
  }

  /** Pastes `text` into the import tab `tab` ("compose-0", "env", "stats"). */
  async importPaste(tab, text) {
    await this.byTestId(`import-tab-${tab}`).click();
    await this.byTestId("import-text").fill(text);
  }

  /** The texts of the preview's list `testid` ("import-recognised", …). */
  async importList(testid) {
    const section = this.byTestId(testid);
    if ((await section.count()) === 0) return [];
    return section.locator("li").allTextContents();
  }

  async screenshot(name) {
    const path = `target/screenshots/${name}.png`;
    await this.page.screenshot({ path, fullPage: false });
    return path;
  }

  // ---- My prices (the price book dialog) ----

  get priceBook() {
    return this.byTestId("price-book");
  }

  /** Opens the price-book dialog from the header. */
  async openPrices() {
    await this.byTestId("prices-button").click();
    await this.priceBook.waitFor();
  }

  /**
   * Fills the quote form and saves it: { tier, monthly, yearly, billing, date, note }
   * (strings as a person types them; tier and billing are option values).
   */
  async saveQuote({ tier, monthly, yearly, billing, date, note } = {}) {
    const book = this.priceBook;
    if (tier) await book.locator('[data-testid="quote-tier"]').selectOption(tier);
    if (monthly !== undefined) await book.locator('[data-testid="quote-monthly"]').fill(monthly);
    if (yearly !== undefined) await book.locator('[data-testid="quote-yearly"]').fill(yearly);
    if (billing) await book.locator('[data-testid="quote-billing"]').selectOption(billing);
    if (date) await book.locator('[data-testid="quote-date"]').fill(date);
    if (note !== undefined) await book.locator('[data-testid="quote-note"]').fill(note);
    await book.locator('[data-testid="quote-save"]').click();
  }

  /** The row of the user's quote for `tier`. */
  quoteRow(tier) {
    return this.priceBook.locator(`[data-testid="quote-row"][data-tier="${tier}"]`);
  }

  /** Picks a price-book CSV with the dialog's file picker. */
  async importPrices(name, text) {
    await this.priceBook.locator('[data-testid="prices-import-file"]').setInputFiles({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from(text, "utf8"),
    });
  }

  async closeDialog() {
    await this.page.keyboard.press("Escape");
  }

  // ---- The compare view ----

  get compareView() {
    return this.byTestId("compare-view");
  }

  async openCompare() {
    await this.byTestId("compare-open").click();
    await this.compareView.waitFor();
  }

  /** The bars of the compare view's cost chart, in the layout on screen. */
  costBars() {
    return this.compareView.locator('[data-testid="cost-chart"] svg:visible [data-testid="cost-bar"]');
  }

  /** The compare view's row for `optionId`. */
  comparisonRow(optionId) {
    return this.compareView.locator(`[data-testid="comparison-row"][data-option-id="${optionId}"]`);
  }

  /** Opens the report of the plan on screen; resolves to the new tab's Report page object. */
  async openReport(ReportPage) {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent("page"),
      this.byTestId("open-report").first().click(),
    ]);
    const report = new ReportPage(tab);
    await report.ready();
    return report;
  }

  // ---- The inspector's load section (ui/inspector/load_fields.rs) ----

  /** Selects placement `id` by its chip and waits for its load section. */
  async selectForLoad(id) {
    await this.placementById(id).locator(".placement-name").click();
    await this.byTestId("inspector").locator('[data-testid="load-inputs"]').waitFor();
  }

  /** The load fields' values as shown: { tasks, window, mean, p95 } or { rps, latency }. */
  async loadValues() {
    const value = async (id) => {
      const field = this.byTestId(id);
      return (await field.count()) ? field.inputValue() : undefined;
    };
    return Object.fromEntries(
      Object.entries({
        tasks: await value("load-tasks-per-hour"),
        window: await value("load-window"),
        mean: await value("load-mean"),
        p95: await value("load-p95"),
        rps: await value("load-rps"),
        latency: await value("load-latency"),
      }).filter(([, v]) => v !== undefined),
    );
  }

  /** The placement's derivation as the report words it ("" when it has none). */
  async loadDerivation() {
    const line = this.byTestId("load-derivation");
    return (await line.count()) ? words(await line.textContent()) : "";
  }

  /** The option's task workers together, as the report words them. */
  async loadOption() {
    return words(await this.byTestId("load-option").textContent());
  }

  /** Waits until the load line `testid` matches `pattern` (a RegExp). */
  async waitForLoadWords(testid, pattern) {
    await this.page.waitForFunction(
      ([id, source, flags]) =>
        new RegExp(source, flags).test((document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "").replace(/\u00a0/g, " ")),
      [testid, pattern.source, pattern.flags],
    );
  }

  /** Puts `text` into the load field `testid` at once and commits it with
   * Enter (typing key by key would let a pause apply a partial value). */
  async enterLoad(testid, text) {
    const field = this.byTestId(testid);
    await field.fill(text);
    await field.press("Enter");
  }

  /** What the load field `testid` says is wrong ("" when nothing). */
  async loadError(testid) {
    return words(await this.byTestId(`${testid}-error`).textContent());
  }

  // ---- What-if: the load slider and the breaking points ----

  get loadSlider() {
    return this.byTestId("load-slider");
  }

  /** The load shown next to the slider ("×2.5"). */
  async loadValue() {
    return (await this.byTestId("load-value").textContent()).trim();
  }

  /** Moves the slider with the keyboard: focus it, press `key` `times` times. */
  async nudgeLoad(key, times = 1) {
    await this.loadSlider.focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** Drags the slider's thumb with the mouse to `fraction` (0…1) of its track. */
  async dragLoadTo(fraction) {
    await this.loadSlider.scrollIntoViewIfNeeded();
    const box = await this.loadSlider.boundingBox();
    const y = box.y + box.height / 2;
    const value = Number(await this.loadSlider.inputValue());
    const max = Number(await this.loadSlider.getAttribute("max"));
    const thumb = 8;
    const at = (v) => box.x + thumb + ((box.width - 2 * thumb) * v) / max;
    await this.page.mouse.move(at(value), y);
    await this.page.mouse.down();
    const target = box.x + thumb + (box.width - 2 * thumb) * fraction;
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(at(value) + ((target - at(value)) * i) / 8, y);
    await this.page.mouse.up();
  }

  /** Each server's breaking point: [{ server, load, gives, text }], once
   * they are computed for the option on screen (they follow a change in a
   * task of their own). */
  async breakingPoints() {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="breaking-points"]')?.dataset.stale === "false");
    return this.page.locator('[data-testid="breaking-point"]').evaluateAll((els) =>
      els.map((e) => ({
        server: e.dataset.serverId,
        load: e.dataset.load,
        gives: e.dataset.gives,
        text: e.textContent.trim(),
      })),
    );
  }

  // ---- Layout search ----

  get searchDialog() {
    return this.byTestId("search-dialog");
  }

  async openSearch() {
    await this.byTestId("search-open").click();
    await this.searchDialog.waitFor();
  }

  /** Runs the search and waits for its answer (or failure). */
  async runSearch({ timeout = 30_000 } = {}) {
    await this.searchDialog.locator('[data-testid="search-run"]').click();
    await this.page.waitForFunction(
      () => ["done", "failed"].includes(document.querySelector('[data-testid="search-status"]')?.dataset.state),
      null,
      { timeout },
    );
  }

  /** Adds a rule: kind "apart" | "together" | "pin", then two ids. */
  async addSearchRule(kind, first, second) {
    const d = this.searchDialog;
    await d.locator('[data-testid="search-rule-kind"]').selectOption(kind);
    await d.locator('[data-testid="search-rule-first"]').selectOption(first);
    await d.locator('[data-testid="search-rule-second"]').selectOption(second);
    await d.locator('[data-testid="search-rule-add"]').click();
  }

  /** The found layouts: [{ rank, oneServer, monthlyFen, servers, monthly, reason }]. */
  async searchLayouts() {
    return this.searchDialog.locator('[data-testid="search-layout"]').evaluateAll((els) =>
      els.map((e) => ({
        rank: Number(e.dataset.rank),
        oneServer: e.dataset.oneServer === "true",
        monthlyFen: e.dataset.monthlyFen === "" ? null : Number(e.dataset.monthlyFen),
        servers: Number(e.dataset.servers),
        monthly: e.querySelector('[data-testid="search-layout-monthly"]').textContent.trim(),
        reason: e.querySelector('[data-testid="search-layout-reason"]').textContent.trim(),
      })),
    );
  }

  /** A money text as shown ("¥1,480.00", "¥1,480.00/month") in fen. */
  static fen(text) {
    const m = text.replace(/,/g, "").match(/-?¥(\d+)\.(\d\d)/);
    if (!m) throw new Error(`no money in ${JSON.stringify(text)}`);
    return Number(m[1]) * 100 + Number(m[2]);
  }
}
