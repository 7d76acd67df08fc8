// Starts the calculator's worker as early as the page allows: this small classic script is
// loaded async from the head of a calculator page, so it runs while the page is still being
// parsed, before Material's bundle and the page module (calc-ui.mjs), which run at the end.
// The worker's messages are kept until calc-ui.mjs takes the worker over. Glue only.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || typeof Worker !== "function") return;
  var url = new URL("calc-worker.mjs", script.src);
  var runtime = script.getAttribute("data-runtime");
  if (runtime) url.searchParams.set("runtime", runtime);
  var early = { worker: null, messages: [], errors: [] };
  try {
    early.worker = new Worker(url, { type: "module" });
  } catch (error) {
    return; // calc-ui.mjs starts it then, and reports a failure
  }
  early.onMessage = function (event) { early.messages.push(event); };
  early.onError = function (event) { event.preventDefault(); early.errors.push(event); };
  early.worker.addEventListener("message", early.onMessage);
  early.worker.addEventListener("error", early.onError);
  window.__lwtEarlyWorker = early;
})();
