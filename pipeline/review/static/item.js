// Draft page: "Edit" opens a field's text box in place (e opens the first); text boxes grow with
// their text; "Mark reviewed" ticks are sent without leaving the page; a and r open the approve
// and request-changes dialogs (never the action itself); the readability of each edited field
// is fetched (debounced) from POST /api/readability; a running regeneration and a saved version's
// pending scores are polled.
// The conflict page's "Re-apply my change" copies the editor's own text back into the form.
(function () {
  "use strict";
  var tokenMeta = document.querySelector("meta[name=csrf-token]");
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";
  var typing = window.plainsciTyping || function () { return false; };

  function grow(area) {
    area.style.height = "auto";
    area.style.height = (area.scrollHeight + 4) + "px";
  }
  document.querySelectorAll("textarea[data-autogrow]").forEach(function (area) {
    area.addEventListener("input", function () { grow(area); });
    grow(area);
  });

  var at = document.getElementById("edit-at");
  function openEditor(name) {
    var card = document.getElementById("f-" + name);
    var area = document.getElementById("e-" + name);
    if (!card || !area) { return false; }
    card.classList.add("editing");
    grow(area);
    area.focus();
    return true;
  }
  document.querySelectorAll("[data-edit]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-edit");
      var card = document.getElementById("f-" + name);
      if (card && card.classList.contains("editing")) { card.classList.remove("editing"); button.textContent = "Edit"; }
      else if (openEditor(name)) { button.textContent = "Close editor"; }
    });
  });
  document.querySelectorAll("#edit-form textarea, #edit-form input").forEach(function (el) {
    el.addEventListener("focus", function () {
      var card = el.closest(".field-card");
      if (at && card) { at.value = card.id.replace(/^f-/, ""); }
    });
  });

  function click(id) {
    var button = document.getElementById(id);
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (document.querySelector("dialog[open]")) { return; }
    if (event.key === "e") {
      var first = document.querySelector("[data-edit]");
      if (first) {
        var card = first.closest(".field-card");
        if (card.classList.contains("editing")) { openEditor(first.getAttribute("data-edit")); } else { first.click(); }
        card.scrollIntoView({ block: "start" });
        event.preventDefault();
      }
    } else if (event.key === "a") {
      if (click("action-approve")) { event.preventDefault(); }
    } else if (event.key === "r") {
      if (click("action-request_changes")) { event.preventDefault(); }
    }
  });

  // Ticks: POST the tick form with fetch, then show the new state here and in the approve dialog.
  function showTick(name, on) {
    var button = document.getElementById("tick-btn-" + name);
    var form = document.getElementById("tick-" + name);
    var card = document.getElementById("f-" + name);
    if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); button.textContent = on ? "✓ Reviewed" : "Mark reviewed"; }
    if (form) { form.querySelector("input[name=on]").value = on ? "0" : "1"; }
    if (card) { card.classList.toggle("reviewed", on); }
    var state = document.getElementById("tick-state-" + name);
    if (state) { state.textContent = on ? "✓ yes" : "not yet"; state.setAttribute("data-ticked", on ? "1" : "0"); }
  }
  document.querySelectorAll("form[data-tick-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = form.getAttribute("data-tick-form");
      fetch(form.action, { method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" }, body: new FormData(form) })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (data) {
          showTick(name, data.reviewed);
          document.querySelectorAll("input[name=row_version]").forEach(function (input) { input.value = String(data.row_version); });
          var confirmButton = document.getElementById("confirm-approve");
          var needs = document.getElementById("needs-ticks");
          if (confirmButton) { confirmButton.disabled = data.unreviewed.length > 0; }
          if (needs) { needs.hidden = data.unreviewed.length === 0; }
        })
        .catch(function () { form.submit(); });
    });
  });

  document.querySelectorAll("[data-reapply]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-reapply");
      var mine = document.getElementById("mine-" + name);
      var area = document.getElementById("c-" + name);
      if (mine && area) { area.value = mine.textContent; grow(area); button.textContent = "Re-applied"; area.focus(); }
    });
  });

  function show(output, data) {
    output.textContent = "Grade " + data.fkgl.toFixed(1) + " (Flesch-Kincaid) · Dale-Chall " +
      data.dale_chall.toFixed(1) + " · " + data.words + " words";
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

  // A saved version is scored in the background: poll until its scores are stored, then fetch
  // the page again and swap in its score-dependent parts (marked data-scores: the score lines,
  // highlights, flags, gate, workflow buttons and dialogs); the edit boxes are left alone.
  function swapScores(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    document.querySelectorAll("[data-scores]").forEach(function (el) {
      var next = fresh.getElementById(el.id);
      if (next && !el.querySelector("dialog[open]")) { el.replaceWith(document.importNode(next, true)); }
    });
    watchScores();
  }
  function watchScores() {
    var pending = document.querySelector("#scores-state[data-status-url]");
    if (!pending) { return; }
    var poll = function () {
      fetch(pending.getAttribute("data-status-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (data) {
          if (data.state === "pending") { window.setTimeout(poll, 1000); return null; }
          return fetch(window.location.pathname + window.location.search, { credentials: "same-origin" })
            .then(function (r) { return r.text(); })
            .then(swapScores);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 500);
  }
  watchScores();

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
