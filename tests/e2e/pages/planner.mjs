// Page object for the planner: journeys talk to it, never to raw selectors.
// Every element is found by its data-testid (listed in ARCHITECTURE.md).

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

  async paletteHeading() {
    return (await this.palette.locator("h2").textContent()).trim();
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  async switchLanguage() {
    await this.langSwitch.click();
  }

  async screenshot(name) {
    const path = `target/screenshots/${name}.png`;
    await this.page.screenshot({ path, fullPage: false });
    return path;
  }
}
