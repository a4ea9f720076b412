// Shortcuts on every page: "?" toggles the help overlay, Esc closes it, "g q" goes to the queue.
// Forms with data-confirm ask first; buttons with data-dialog open that <dialog> (the confirm step
// of approve, publish and request changes). Keys are ignored while typing in a field.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
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

  // Delegated, so that buttons a page swaps in later (the draft page once scores arrive) work too.
  document.addEventListener("click", function (event) {
    if (!event.target.closest) { return; }
    var opener = event.target.closest("[data-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-dialog"));
      if (dialog && dialog.showModal) { dialog.showModal(); }
      return;
    }
    var closer = event.target.closest("[data-dialog-close]");
    if (closer) { var d = closer.closest("dialog"); if (d) { d.close(); } }
  });

  // Filters start folded on a narrow screen (unless some are set), so the list is in view.
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (box) {
    if (window.matchMedia("(max-width: 700px)").matches && !box.hasAttribute("data-active")) { box.open = false; }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && help && !help.hidden) { toggleHelp(false); return; }
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "?") { toggleHelp(); event.preventDefault(); }
    else if (event.key === "q" && lastKey === "g") { window.location.href = "/"; }
    lastKey = event.key;
  });
})();
