// Shortcuts on every page: "?" toggles the help overlay, Esc closes it, "g q" goes to the queue.
// Forms with data-confirm ask first. Keys are ignored while typing in a field.
(function () {
  "use strict";
  var help = document.getElementById("help");
  var lastKey = "";

  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }
  window.plainsciTyping = typing;

  function toggleHelp(show) {
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) { var b = help.querySelector("[data-help-close]"); if (b) { b.focus(); } }
  }

  document.querySelectorAll("[data-help-open]").forEach(function (b) {
    b.addEventListener("click", function () { toggleHelp(true); });
  });
  document.querySelectorAll("[data-help-close]").forEach(function (b) {
    b.addEventListener("click", function () { toggleHelp(false); });
  });
  if (help) { help.addEventListener("click", function (e) { if (e.target === help) { toggleHelp(false); } }); }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-confirm]") : null;
    if (button && !window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && help && !help.hidden) { toggleHelp(false); return; }
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "?") { toggleHelp(); event.preventDefault(); }
    else if (event.key === "q" && lastKey === "g") { window.location.href = "/"; }
    lastKey = event.key;
  });
})();
