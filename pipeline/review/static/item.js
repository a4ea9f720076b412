// Draft page: e edits, a approves, r requests changes; readability of each edited field is
// fetched (debounced) from POST /api/readability while the editor types; a running
// regeneration is polled and the page reloads when the new version is there.
(function () {
  "use strict";
  var tokenMeta = document.querySelector("meta[name=csrf-token]");
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";

  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function click(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === "e") {
      var first = document.getElementById("e-simple_explanation");
      if (first) { first.scrollIntoView({ block: "center" }); first.focus(); event.preventDefault(); }
    } else if (event.key === "a") {
      if (click("action-approve")) { event.preventDefault(); }
    } else if (event.key === "r") {
      if (click("action-request_changes")) { event.preventDefault(); }
    }
  });

  function show(output, data) {
    output.textContent = "Grade " + data.fkgl.toFixed(1) + " (Flesch-Kincaid) · Dale-Chall " +
      data.dale_chall.toFixed(1) + " · Coleman-Liau " + data.coleman_liau.toFixed(1) + " · " + data.words + " words";
    output.classList.toggle("over", data.fkgl > 8);
    output.setAttribute("data-fkgl", data.fkgl.toFixed(2));
  }

  function score(area) {
    var output = document.getElementById("score-" + area.name);
    if (!output) { return; }
    fetch("/api/readability", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token, "Accept": "application/json" },
      body: JSON.stringify({ text: area.value })
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { show(output, data); } })
      .catch(function () { output.textContent = "Readability unavailable"; });
  }

  document.querySelectorAll("textarea[data-readability]").forEach(function (area) {
    var timer = null;
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { score(area); }, 300);
    });
    score(area);
  });

  var banner = document.getElementById("regenerating");
  if (banner) {
    var poll = function () {
      fetch(banner.getAttribute("data-status-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (job.state === "running") { window.setTimeout(poll, 2000); } else { window.location.reload(); }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 2000);
  }
})();
