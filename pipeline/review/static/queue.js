// Queue keyboard navigation: j / k move the selection, Enter opens the selected item.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr[data-href]"));
  if (!rows.length) { return; }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) { return; }
    if (current >= 0) { rows[current].classList.remove("selected"); rows[current].removeAttribute("aria-selected"); }
    current = index;
    var row = rows[current];
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("a");
    if (link) { link.focus({ preventScroll: true }); }
    row.scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "j") { select(Math.min(current + 1, rows.length - 1)); event.preventDefault(); }
    else if (event.key === "k") { select(Math.max(current - 1, 0)); event.preventDefault(); }
    else if (event.key === "Enter" && current >= 0 && !(event.target && event.target.tagName === "A")) {
      window.location.href = rows[current].getAttribute("data-href");
    }
  });

  rows.forEach(function (row, index) {
    row.addEventListener("click", function (event) {
      if (event.target.tagName !== "A") { select(index); }
    });
  });
})();
