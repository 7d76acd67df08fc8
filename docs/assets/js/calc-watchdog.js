// Classic script, run before the page module on every page: when calc-ui.mjs cannot load at
// all (for example because the server sends .mjs as text/plain), each calculator form still
// shows its failure message. Texts come from the form's JSON block; on the print page it does
// nothing. A file, not an inline script, so that the Content-Security-Policy needs no hash.
(function () {
  function fail() {
    if (document.getElementById("print-site-page")) return;
    var forms = document.querySelectorAll("form[data-calc]");
    for (var i = 0; i < forms.length; i++) {
      var f = forms[i];
      if (f.dataset.state !== "static") continue;
      var t = JSON.parse(f.querySelector("script.lwt-calc__text").textContent);
      var s = f.querySelector(".lwt-calc__status");
      s.setAttribute("role", "alert");
      s.textContent = t.failed_script;
      f.dataset.state = "failed";
    }
  }
  window.addEventListener("error", function (e) {
    var x = e.target;
    if (x && x.tagName === "SCRIPT" && /calc-ui\.mjs/.test(x.src)) fail();
  }, true);
  window.addEventListener("load", function () { setTimeout(fail, 0); });
})();
