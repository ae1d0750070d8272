// Shared set-up for a journey file: one static server and one browser for
// the file, a fresh context (so fresh local storage) per test, and a check
// that the console stayed clean.
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";

import { serveStatic } from "./server.mjs";
import { launch, newPage } from "./browser.mjs";
import { Planner } from "../pages/planner.mjs";

export function journey() {
  const state = {};
  before(async () => {
    mkdirSync("target/screenshots", { recursive: true });
    state.site = await serveStatic();
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  /** A planner on a fresh page; call `done()` at the end to get the console errors. */
  state.start = async (options = {}) => {
    const { context, page, errors } = await newPage(state.browser, options);
    const planner = new Planner(page, state.site.url);
    await planner.open();
    return { planner, page, context, errors };
  };
  return state;
}
