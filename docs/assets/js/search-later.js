// Material for MkDocs starts its search worker on every page as soon as the page loads, and the
// worker builds the whole site's search index at once (lunr, with the Dutch stemmer). On a
// calculator page that is CPU the calculator needs at the same moment to start its own worker,
// for a search the reader may never open. This classic script, loaded from the head before
// Material's bundle, gives Material a stand-in for that one worker: what Material sends it is
// kept, and the real worker starts when the reader turns to the search (the search field gets
// focus, or the search button is used), or a little after the page has loaded. Every other
// worker is created as usual. Glue only; without this script Material starts the worker itself.
(function () {
  "use strict";
  var Native = window.Worker;
  if (typeof Native !== "function" || typeof Proxy !== "function" || typeof EventTarget !== "function") return;
  var SEARCH_WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var START_AFTER_LOAD_MS = 2000;

  function isSearchWorker(url) {
    try {
      return SEARCH_WORKER.test(new URL(String(url), document.baseURI).pathname);
    } catch (error) {
      return false;
    }
  }

  function later(url, options) {
    var stand = new EventTarget();
    var queue = [];
    var real = null;
    var stopped = false;

    function start() {
      if (real || stopped) return;
      real = new Native(url, options);
      real.addEventListener("message", function (event) {
        stand.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function (event) {
        stand.dispatchEvent(new ErrorEvent("error", { message: event.message, filename: event.filename, lineno: event.lineno }));
      });
      for (var i = 0; i < queue.length; i++) real.postMessage(queue[i]);
      queue = null;
    }

    stand.postMessage = function (message) {
      if (stopped) return;
      if (real) real.postMessage(message);
      else queue.push(message);
    };
    stand.terminate = function () {
      stopped = true;
      queue = [];
      if (real) real.terminate();
    };
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (target && target.matches && target.matches("[data-md-component=search-query]")) start();
    });
    document.addEventListener("change", function (event) {
      if (event.target && event.target.id === "__search") start();
    });
    function startSoon() { setTimeout(start, START_AFTER_LOAD_MS); }
    if (document.readyState === "complete") startSoon();
    else window.addEventListener("load", startSoon);
    return stand;
  }

  window.Worker = new Proxy(Native, {
    construct: function (target, args, newTarget) {
      return isSearchWorker(args[0]) ? later(args[0], args[1]) : Reflect.construct(target, args, newTarget);
    },
  });
})();
