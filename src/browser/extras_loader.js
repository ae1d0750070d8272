// Loads the extras (src/extras.rs: the screens a user needs only sometimes)
// on first use: their no-modules script defines a global `wasm_bindgen`,
// whose init runs their wasm and then carries their exports. Inlined into
// index.html by Trunk; called from `browser::extras`. A failed load may be
// retried. A failed fetch is reported by the file's address alone: the page
// words it in the user's language.
window.stackfitLoadExtras = (() => {
  let loading = null;
  return (js, wasm) => {
    if (loading === null) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = js;
        script.onload = () =>
          wasm_bindgen({ module_or_path: wasm }).then(() => resolve(wasm_bindgen), reject);
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
