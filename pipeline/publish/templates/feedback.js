// "Was this summary helpful?": send the answer with fetch() and thank the reader in place.
// Without JavaScript, from another origin, or when fetch cannot reach the app, it posts as a
// plain form (the app answers with a thank-you page).
(function () {
  "use strict";
  function say(form, text, ok) {
    var status = form.querySelector("[data-feedback-status]");
    status.textContent = text;
    status.className = "feedback-status " + (ok ? "ok" : "error");
    status.focus();
  }
  function plainPost(form, name, value) {
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = value;
    form.appendChild(hidden);
    form.submit();
  }
  document.querySelectorAll("form[data-feedback]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
      // Another origin could store the answer but not let us read the reply (no CORS), and a
      // retry would store it twice: post it as a plain form instead.
      if (new URL(form.action, location.href).origin !== location.origin) return;
      event.preventDefault();
      var button = event.submitter || form.querySelector("button[name=helpful]");
      var data = new URLSearchParams(new FormData(form));
      data.set(button.name, button.value);
      var buttons = form.querySelectorAll("button");
      buttons.forEach(function (b) { b.disabled = true; });
      fetch(form.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "omit",
      }).then(function (response) {
        if (response.ok) {
          form.querySelector("fieldset").hidden = true;
          say(form, "Thank you! Your answer helps us write clearer summaries.", true);
          return;
        }
        buttons.forEach(function (b) { b.disabled = false; });
        return response.json().then(function (body) {
          say(form, body.detail || "Your answer was not saved. Please try again later.", false);
        }, function () {
          say(form, "Your answer was not saved. Please try again later.", false);
        });
      }, function () {
        plainPost(form, button.name, button.value);
      });
    });
  });
})();
