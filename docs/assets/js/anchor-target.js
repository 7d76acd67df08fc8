// The theme's anchor snippet (Material 9.8.2, partials/javascripts/content.html) as a file, so
// that no inline script is needed: a link to a tab of tabbed content opens that tab.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
