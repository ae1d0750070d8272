// The tools worker's loader (crates/tools), copied next to index.html. The
// page starts it as `stackfit-tools_loader.js?v=<the planner's file hash>`
// (src/browser/tools_worker.rs) and it asks for the worker's script and wasm
// with that same version. Trunk does not hash a worker's files, so without
// it a CDN could hand a newer planner an earlier deploy's worker, whose
// protocol the planner no longer speaks.
const version = self.location.search;
importScripts(`./stackfit-tools.js${version}`);
wasm_bindgen({ module_or_path: `./stackfit-tools_bg.wasm${version}` });
