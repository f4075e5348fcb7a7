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
      offline: gettext("The answers could not be sent. Check the connection and try again."),
      required: gettext("This question needs an answer."),
      too_many: gettext("Pick at most {limit}."),
      same_place: gettext("Each place can be given only once: {places}."),
      every_place: gettext("Give every option a place, or none."),
      fix_count: gettext("{count} questions need attention; see the notes under them."),
      submitted: gettext("Submitted"),
      change: gettext("Change my answers")
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

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  // The server's checks, made here too so that every problem shows at once, under its question,
  // before anything is sent (the server still checks all of them and answers with the same list).
  function problemOf(fieldset) {
    var kind = fieldset.dataset.kind, limit = parseInt(fieldset.dataset.maxPicks, 10) || 0;
    var ranked = kind === "ranking" || (kind === "topics" && fieldset.dataset.ranked === "true");
    var value = answerOf(fieldset);
    var empty = value === null || (Array.isArray(value) && !value.length) || (typeof value === "string" && !value.trim());
    if (empty) { return fieldset.dataset.required === "true" ? T.required : ""; }
    if (ranked) {
      var places = {}, twice = [];
      fieldset.querySelectorAll("select").forEach(function (select) {
        if (select.value && places[select.value] && twice.indexOf(select.value) < 0) { twice.push(select.value); }
        places[select.value] = true;
      });
      if (twice.length) { return fill(T.same_place, {places: twice.join(", ")}); }
      if (kind === "ranking" && value.length !== fieldset.querySelectorAll("select").length) { return T.every_place; }
    }
    if (limit && (kind === "multiple" || kind === "topics") && value.length > limit) { return fill(T.too_many, {limit: limit}); }
    return "";
  }
  function showProblem(fieldset, message) {
    var note = fieldset.querySelector(".ds-error");
    note.textContent = message || ""; note.hidden = !message;
    fieldset.classList.toggle("ds-question--invalid", !!message);
    if (message) { fieldset.setAttribute("aria-invalid", "true"); } else { fieldset.removeAttribute("aria-invalid"); }
  }
  function showProblems(problems) {  // {question id: message}; every fieldset told, the first one focused
    var first = null, count = 0;
    form.querySelectorAll(".ds-question").forEach(function (fieldset) {
      var message = problems[fieldset.dataset.question] || "";
      showProblem(fieldset, message);
      if (message) { count += 1; first = first || fieldset; }
    });
    if (first) {
      say(count === 1 ? problems[first.dataset.question] : fill(T.fix_count, {count: count}));
      var control = first.querySelector("input, select, textarea");
      first.scrollIntoView({block: "center"});
      if (control) { control.focus({preventScroll: true}); }
    }
    return count;
  }
  form.addEventListener("change", function (event) {  // a fixed question loses its note at once
    var fieldset = event.target.closest(".ds-question");
    if (fieldset && fieldset.classList.contains("ds-question--invalid")) { showProblem(fieldset, problemOf(fieldset)); }
  });

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
    var button = form.querySelector(".ds-submit");
    if (form.dataset.anonymous === "true") {
      button.hidden = true;
    } else {
      button.textContent = T.change;
      if (!form.querySelector(".ds-submitted")) {
        button.insertAdjacentHTML("afterend", ' <span class="ds-submitted">' + esc(T.submitted) + "</span>");
      }
    }
    showProblems({});
    var saved = after.querySelector(".ds-saved");
    saved.setAttribute("tabindex", "-1");
    saved.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var answers = {}, problems = {};
    form.querySelectorAll(".ds-question").forEach(function (fieldset) {
      answers[fieldset.dataset.question] = answerOf(fieldset);
      var problem = problemOf(fieldset);
      if (problem) { problems[fieldset.dataset.question] = problem; }
    });
    if (showProblems(problems)) { return; }
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
      var problems = {};
      Object.keys((error && error.errors) || {}).forEach(function (id) { problems[id] = error.errors[id].message; });
      if (showProblems(problems)) { return; }
      say(error && error.message ? T.failed + " " + error.message : T.offline);
    }).then(function () { button.disabled = false; });
  });
}
