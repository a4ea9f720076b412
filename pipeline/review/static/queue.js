// Queue keyboard navigation: j / k move the selection, Enter opens the selected item,
// x ticks it for a bulk action. The header checkbox ticks every row on the page.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr[data-href]"));
  var counter = document.getElementById("checked-count");
  var all = document.getElementById("check-all");
  var current = -1;

  function boxes() { return Array.prototype.slice.call(document.querySelectorAll("#queue tbody input[name=item_id]")); }
  function updateCount() {
    if (counter) { counter.textContent = String(boxes().filter(function (b) { return b.checked; }).length); }
  }

  function select(index) {
    if (index < 0 || index >= rows.length) { return; }
    if (current >= 0) { rows[current].classList.remove("selected"); rows[current].removeAttribute("aria-selected"); }
    current = index;
    var row = rows[current];
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("td.title a");
    if (link) { link.focus({ preventScroll: true }); }
    row.scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (!rows.length || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "j") { select(Math.min(current + 1, rows.length - 1)); event.preventDefault(); }
    else if (event.key === "k") { select(Math.max(current - 1, 0)); event.preventDefault(); }
    else if (event.key === "x" && current >= 0) {
      var box = rows[current].querySelector("input[name=item_id]");
      if (box) { box.checked = !box.checked; updateCount(); }
      event.preventDefault();
    }
    else if (event.key === "Enter" && current >= 0 && !(event.target && event.target.tagName === "A")) {
      window.location.href = rows[current].getAttribute("data-href");
    }
  });

  rows.forEach(function (row, index) {
    row.addEventListener("click", function (event) {
      var tag = event.target.tagName;
      if (tag !== "A" && tag !== "INPUT") { select(index); }
    });
  });
  boxes().forEach(function (b) { b.addEventListener("change", updateCount); });
  if (all) {
    all.addEventListener("change", function () {
      boxes().forEach(function (b) { b.checked = all.checked; });
      updateCount();
    });
  }
})();
