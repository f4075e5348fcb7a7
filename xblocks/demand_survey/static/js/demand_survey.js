/* The learner's side of the demand survey: collect the answers, send them, show the matching
   resources (and the results, when the author shows them). The form itself is server-rendered. */
function DemandSurveyBlock(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  // The script's words: from the platform's JavaScript catalog of the suite's blocks when the page
  // loaded one (the i18n service's get_javascript_i18n_catalog_url), else as the server translated them.
  var T = window.CadreTrainingI18N ? words(window.CadreTrainingI18N.gettext) : init.text;
  function words(gettext) {
    return {
      saved: gettext("Thank you: your answers are saved."),
      resources: gettext("Learning resources for the topics you picked"),
      no_resources: gettext("No courses are linked to these topics yet; your request has been passed on."),
      results: gettext("Results so far"),
      failed: gettext("Not saved:"),
      offline: gettext("The answers could not be sent. Check the connection and try again.")
    };
  }
  var form = root.querySelector(".demand-survey__form");
  if (!form) { return; }

  // Text for HTML, in element content and in attributes quoted either way: & < > " ' all escaped.
  var ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"};
  function esc(text) {
    return (text == null ? "" : String(text)).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function say(text) { form.querySelector(".ds-message").textContent = text || ""; }

  function answerOf(fieldset) {
    var kind = fieldset.dataset.kind, name = fieldset.dataset.question;
    var inputs = fieldset.querySelectorAll("[name='" + name + "']");
    var picked = [];
    if (kind === "single" || kind === "rating") {
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].checked) { return kind === "rating" ? parseInt(inputs[i].value, 10) : inputs[i].value; }
      }
      return null;
    }
    if (kind === "text") { return inputs[0].value; }
    if (kind === "ranking" || (kind === "topics" && fieldset.dataset.ranked === "true")) {
      for (var j = 0; j < inputs.length; j++) {
        if (inputs[j].value) { picked.push([parseInt(inputs[j].value, 10), inputs[j].dataset.choice]); }
      }
      picked.sort(function (a, b) { return a[0] - b[0]; });
      return picked.map(function (pair) { return pair[1]; });
    }
    for (var k = 0; k < inputs.length; k++) { if (inputs[k].checked) { picked.push(inputs[k].value); } }
    return picked;
  }

  function showAfter(data) {
    var after = root.querySelector(".ds-after"), html = "<p class='ds-saved'>" + esc(T.saved) + "</p>";
    html += "<h3>" + esc(T.resources) + "</h3>";
    if (data.resources.length) {
      html += "<ul class='ds-resources'>" + data.resources.map(function (r) {
        return "<li><a href='" + esc(r.url) + "'>" + esc(r.title) + "</a> <span class='ds-topic'>" + esc(r.topic) + "</span></li>";
      }).join("") + "</ul>";
    } else {
      html += "<p>" + esc(T.no_resources) + "</p>";
    }
    if (data.results_html) { html += "<h3>" + esc(T.results) + "</h3>" + data.results_html; }
    after.innerHTML = html;
    // An anonymous response leads back to nobody: it cannot be sent again or changed (decision 0016).
    if (form.dataset.anonymous === "true") { form.querySelector(".ds-submit").hidden = true; }
    var saved = after.querySelector(".ds-saved");
    saved.setAttribute("tabindex", "-1");
    saved.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var answers = {};
    form.querySelectorAll(".ds-question").forEach(function (fieldset) {
      answers[fieldset.dataset.question] = answerOf(fieldset);
    });
    var button = form.querySelector(".ds-submit");
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    button.disabled = true; say("");
    fetch(runtime.handlerUrl(root, "submit"), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : ""},
      // The privacy the learner was shown: the server refuses the answers if it has changed since.
      body: JSON.stringify({answers: answers, anonymous: form.dataset.anonymous === "true"})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw data; }
        return data;
      });
    }).then(showAfter, function (error) {
      say(error && error.message ? T.failed + " " + error.message : T.offline);
    }).then(function () { button.disabled = false; });
  });
}
