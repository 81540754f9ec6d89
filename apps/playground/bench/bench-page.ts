// bench.html?threads=N: measures the wasm backend in a worker and leaves the result in
// document.body.dataset.result (JSON) for scripts/bench-browser.mjs.
const threads = Number(new URLSearchParams(location.search).get("threads") ?? "1");
const worker = new Worker(new URL("./bench-worker.ts", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  document.body.dataset.result = JSON.stringify(event.data);
  document.body.textContent = JSON.stringify(event.data, null, 2);
  worker.terminate();
};
worker.postMessage({ threads, assetUrl: new URL("data/california-housing.f32", document.baseURI).href });
