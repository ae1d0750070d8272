// Page object for the report page (`#report.<payload>`): journeys talk to
// it, never to raw selectors. Elements are found by data-testid.

export class ReportPage {
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  /** Opens a report address (a whole URL) and waits until it has mounted. */
  async open(url) {
    await this.page.goto(url);
    await this.ready();
  }

  async ready() {
    await this.byTestId("report-ready").waitFor({ timeout: 20_000 });
  }

  async url() {
    return this.page.url();
  }

  async summary() {
    return (await this.byTestId("report-summary").textContent()).trim();
  }

  async switchLanguage() {
    await this.byTestId("lang-switch").click();
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Waits for the diagrams to be drawn. */
  async settle(ms = 500) {
    await this.page.waitForTimeout(ms);
  }

  /** Clicks `testid` (a download button, within `scope`) and resolves to the download. */
  async download(testid, scope = this.page) {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      scope.locator(`[data-testid="${testid}"]`).first().click(),
    ]);
    return download;
  }

  servers() {
    return this.page.locator('[data-testid="report-server"]');
  }

  async screenshot(name, { fullPage = false } = {}) {
    const path = `target/screenshots/${name}.png`;
    await this.page.screenshot({ path, fullPage });
    return path;
  }
}
