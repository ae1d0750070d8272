// Loads the extras (src/extras.rs: the screens a user needs only sometimes)
// on first use: their no-modules script defines a global `wasm_bindgen`,
// whose init runs their wasm and then carries their exports. Inlined into
// index.html by Trunk; called from `browser::extras`. A failed load may be
// retried. A failed fetch is reported by the file's address (and the HTTP
// status, if one came back): the page words it in the user's language.
//
// The extras' files carry no hash (Trunk does not hash a worker's output),
// so they are asked for with the planner's own file hash as a version: a
// CDN that cached the extras of an earlier deploy does not hand them to a
// newer planner.
window.stackfitLoadExtras = (() => {
  let loading = null;
  // Read when first called: Trunk puts the planner's preload after this script.
  const at = (url) => {
    const planner = document.querySelector('link[rel="modulepreload"][href*="stackfit-planner-"]');
    const version = planner && /stackfit-planner-([0-9a-f]+)\.js/.exec(planner.getAttribute("href"));
    return version ? `${url}?v=${version[1]}` : url;
  };
  return (js, wasm) => {
    if (loading === null) {
      loading = new Promise((resolve, reject) => {
        // A response that is not the file (a 404, a 503) is said with its
        // status beside the address.
        const init = () => {
          const fetched = fetch(at(wasm)).then((response) => {
            if (!response.ok) throw new Error(`HTTP ${response.status}`, { cause: "status" });
            return response;
          });
          return wasm_bindgen({ module_or_path: fetched }).then(
            () => resolve(wasm_bindgen),
            // The page shows the address (and a status); the console keeps the cause.
            (cause) => {
              console.warn("StackFit: the extras' wasm did not start", cause);
              const status = cause && cause.cause === "status" ? `: ${cause.message}` : "";
              reject(new Error(`${wasm}${status}`, { cause }));
            },
          );
        };
        // The script ran before and only the wasm failed: running it again
        // would declare `wasm_bindgen` twice.
        if (typeof wasm_bindgen === "function") return init();
        const script = document.createElement("script");
        script.src = at(js);
        script.onload = init;
        script.onerror = () => reject(new Error(js));
        document.head.appendChild(script);
      }).catch((e) => {
        loading = null;
        throw e;
      });
    }
    return loading;
  };
})();

// A report link shows nothing but the report page, which is in the extras:
// fetch them beside the planner's wasm, not after it (the planner's
// `start` then joins this load).
if (location.hash.startsWith("#report.")) {
  document.addEventListener("DOMContentLoaded", () =>
    window.stackfitLoadExtras("./stackfit-extras.js", "./stackfit-extras_bg.wasm").catch(() => {}),
  );
}
