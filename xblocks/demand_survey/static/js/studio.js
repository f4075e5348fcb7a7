/* Studio editor of the demand survey: settings and the questions as a form (no JSON), checked as the
   author types (each problem next to its field) and by the server, and saved in one request. */
function DemandSurveyStudio(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var form = root.querySelector(".ds-studio-form");
  var rows = root.querySelector(".ds-question-rows");
  var KINDS = ["single", "multiple", "rating", "ranking", "text", "topics"];
  var WITH_OPTIONS = ["single", "multiple", "ranking"];
  // The script's words: from the platform's JavaScript catalog of the suite's blocks when the page
  // loaded one (the i18n service's get_javascript_i18n_catalog_url), else as the server translated them.
  var T = window.CadreTrainingI18N ? words(window.CadreTrainingI18N.gettext) : init.text;
  function words(gettext) {
    return {
      checked: gettext("Checked: {count} questions. Nothing is saved yet."),
      saved: gettext("Saved: {count} questions."),
      refused: gettext("Not saved:"),
      question: gettext("Question {number}"),
      kind: gettext("Kind of question"),
      single: gettext("Single choice"),
      multiple: gettext("Multiple choice"),
      rating: gettext("Rating from 1 to 5"),
      ranking: gettext("Ranking"),
      text: gettext("Free text"),
      topics: gettext("Menu of learning topics"),
      prompt: gettext("Question text"),
      id: gettext("Question id (kept with every answer)"),
      required: gettext("An answer is required"),
      options: gettext("Options"),
      option: gettext("Option {number}"),
      add_option: gettext("Add an option"),
      remove_option: gettext("Remove option {number}"),
      max_picks: gettext("Most picks (0: no limit)"),
      ranked: gettext("Ask for the picked topics in order"),
      topic_source: gettext("Topics offered (none ticked: every active topic)"),
      max_length: gettext("Most characters (0: the plugin's limit)"),
      low_label: gettext("Label of 1"),
      high_label: gettext("Label of 5"),
      up: gettext("Move up"),
      down: gettext("Move down"),
      remove: gettext("Remove"),
      new_question: gettext("New question"),
      no_questions: gettext("No questions yet: add the first one."),
      has_problems: gettext("Fix the marked fields before saving."),
      prompt_missing: gettext("Write the question."),
      id_missing: gettext("Give the question an id."),
      id_twice: gettext("Another question has this id."),
      too_few_options: gettext("Give at least two options."),
      option_missing: gettext("Write the option or remove it."),
      too_many_picks: gettext("At most as many picks as there are options ({count})."),
      whole: gettext("Enter a whole number from {least} to {most}.")
    };
  }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  var questions = (init.questions || []).map(function (question) { return JSON.parse(JSON.stringify(question)); });

  function freeId(taken, prefix) {
    for (var number = 1; ; number += 1) {
      if (taken.indexOf(prefix + number) < 0) { return prefix + number; }
    }
  }
  function blankQuestion() {
    var ids = questions.map(function (question) { return question.id; });
    return {id: freeId(ids, "q"), kind: "single", prompt: "", required: true, max_picks: 0, ranked: false, topics: [],
            max_length: 0, low_label: "", high_label: "",
            options: [{id: "a", text: ""}, {id: "b", text: ""}]};
  }
  function fieldId(number, name) { return "ds-q" + number + "-" + name; }
  function errorSpan(number, name) {
    return '<span class="ds-field-error" id="' + fieldId(number, name) + '-error"></span>';
  }
  function textField(number, name, label, value) {
    var id = fieldId(number, name);
    return '<div class="ds-field"><label for="' + id + '">' + esc(label) + '</label><input type="text" id="' + id +
      '" data-field="' + name + '" value="' + esc(value) + '" aria-describedby="' + id + '-error">' +
      errorSpan(number, name) + "</div>";
  }
  function numberField(number, name, label, value) {
    var id = fieldId(number, name);
    return '<div class="ds-field"><label for="' + id + '">' + esc(label) + '</label><input type="number" min="0" ' +
      'step="1" inputmode="numeric" id="' + id + '" data-field="' + name + '" value="' + esc(value) +
      '" aria-describedby="' + id + '-error">' + errorSpan(number, name) + "</div>";
  }
  function check(number, name, label, checked) {
    return '<div class="ds-field"><label><input type="checkbox" data-field="' + name + '"' + (checked ? " checked" : "") +
      "> " + esc(label) + "</label></div>";
  }

  function rowHtml(question, index) {
    var kind = question.kind, html = '<fieldset class="ds-question-row" data-index="' + index + '"><legend>' +
      esc(fill(T.question, {number: index + 1})) + "</legend>";
    html += '<div class="ds-field"><label for="' + fieldId(index, "kind") + '">' + esc(T.kind) + '</label><select id="' +
      fieldId(index, "kind") + '" data-field="kind">' + KINDS.map(function (name) {
        return '<option value="' + name + '"' + (name === kind ? " selected" : "") + ">" + esc(T[name]) + "</option>";
      }).join("") + "</select></div>";
    html += textField(index, "prompt", T.prompt, question.prompt || "");
    html += textField(index, "id", T.id, question.id || "");
    html += check(index, "required", T.required, question.required !== false);
    if (WITH_OPTIONS.indexOf(kind) >= 0) {
      html += '<fieldset class="ds-options" aria-describedby="' + fieldId(index, "options") + '-error"><legend>' +
        esc(T.options) + "</legend>";
      (question.options || []).forEach(function (option, place) {
        var id = fieldId(index, "option-" + place);
        html += '<div class="ds-option"><label class="ds-sr" for="' + id + '">' + esc(fill(T.option, {number: place + 1})) +
          '</label><input type="text" id="' + id + '" data-option="' + place + '" value="' + esc(option.text) +
          '" aria-describedby="' + id + '-error"><button type="button" class="ds-remove-option" data-option="' + place +
          '" aria-label="' + esc(fill(T.remove_option, {number: place + 1})) + '">' + esc(T.remove) + "</button></div>" +
          '<span class="ds-field-error" id="' + id + '-error"></span>';
      });
      html += '<button type="button" class="ds-add-option">' + esc(T.add_option) + "</button>" +
        errorSpan(index, "options") + "</fieldset>";
    }
    if (kind === "multiple" || kind === "topics") { html += numberField(index, "max_picks", T.max_picks, question.max_picks || 0); }
    if (kind === "topics") {
      html += check(index, "ranked", T.ranked, question.ranked);
      html += '<fieldset class="ds-topic-source"><legend>' + esc(T.topic_source) + "</legend>" +
        (init.topics || []).map(function (topic) {
          return '<label><input type="checkbox" data-topic="' + esc(topic.code) + '"' +
            ((question.topics || []).indexOf(topic.code) >= 0 ? " checked" : "") + "> " + esc(topic.name) + "</label><br>";
        }).join("") + "</fieldset>";
    }
    if (kind === "text") { html += numberField(index, "max_length", T.max_length, question.max_length || 0); }
    if (kind === "rating") {
      html += textField(index, "low_label", T.low_label, question.low_label || "");
      html += textField(index, "high_label", T.high_label, question.high_label || "");
    }
    html += '<div class="ds-row-actions"><button type="button" class="ds-up"' + (index === 0 ? " disabled" : "") + ">" +
      esc(T.up) + '</button><button type="button" class="ds-down"' + (index === questions.length - 1 ? " disabled" : "") +
      ">" + esc(T.down) + '</button><button type="button" class="ds-remove">' + esc(T.remove) + "</button></div></fieldset>";
    return html;
  }

  function render(focus) {
    rows.innerHTML = questions.length ? questions.map(rowHtml).join("") :
      '<p class="ds-no-questions">' + esc(T.no_questions) + "</p>";
    checkAll();
    var target = focus && rows.querySelector(focus);
    if (target) { (target.disabled ? target.parentNode.querySelector("button:not([disabled])") : target).focus(); }
  }

  function whole(text) { return /^[0-9]{1,4}$/.test(String(text).trim()); }

  // The problems of one question as {field: message}: the server's rules (questions.py), said next to the fields.
  function problemsOf(question, index) {
    var problems = {}, options = question.options || [];
    if (!String(question.prompt || "").trim()) { problems.prompt = T.prompt_missing; }
    if (!String(question.id || "").trim()) { problems.id = T.id_missing; }
    else if (questions.some(function (other, place) { return place !== index && other.id === question.id; })) {
      problems.id = T.id_twice;
    }
    if (WITH_OPTIONS.indexOf(question.kind) >= 0) {
      if (options.length < 2) { problems.options = T.too_few_options; }
      options.forEach(function (option, place) {
        if (!String(option.text).trim()) { problems["option-" + place] = T.option_missing; }
      });
    }
    ["max_picks", "max_length"].forEach(function (name) {
      if (!whole(question[name] === undefined ? 0 : question[name])) { problems[name] = fill(T.whole, {least: 0, most: 9999}); }
    });
    if (question.kind === "multiple" && !problems.max_picks && Number(question.max_picks) > options.length) {
      problems.max_picks = fill(T.too_many_picks, {count: options.length});
    }
    return problems;
  }

  function checkAll() {
    var count = 0;
    rows.querySelectorAll(".ds-question-row").forEach(function (row) {
      var index = Number(row.getAttribute("data-index")), problems = problemsOf(questions[index], index);
      var prefix = fieldId(index, "");
      row.querySelectorAll(".ds-field-error").forEach(function (span) {
        var name = span.id.slice(prefix.length, -"-error".length), message = problems[name] || "";
        span.textContent = message;
        if (message) { count += 1; }
        var field = document.getElementById(prefix + name);
        if (field) { field.setAttribute("aria-invalid", message ? "true" : "false"); }
      });
    });
    root.querySelector(".ds-form-status").textContent = count ? T.has_problems : "";
    return count;
  }

  function read(target) {
    var row = target.closest(".ds-question-row");
    if (!row) { return false; }
    var question = questions[Number(row.getAttribute("data-index"))], name = target.getAttribute("data-field");
    if (target.hasAttribute("data-option")) { question.options[Number(target.getAttribute("data-option"))].text = target.value; }
    else if (target.hasAttribute("data-topic")) {
      question.topics = Array.prototype.map.call(row.querySelectorAll("[data-topic]:checked"),
        function (box) { return box.getAttribute("data-topic"); });
    } else if (name === "required" || name === "ranked") { question[name] = target.checked; }
    else if (name === "max_picks" || name === "max_length") { question[name] = target.value.trim(); }
    else if (name === "kind") {
      question.kind = target.value;
      if (WITH_OPTIONS.indexOf(question.kind) < 0) { question.options = []; }
      else if ((question.options || []).length < 2) { question.options = [{id: "a", text: ""}, {id: "b", text: ""}]; }
      return true;  // the fields of the new kind
    } else if (name) { question[name] = target.value; }
    return false;
  }

  rows.addEventListener("input", function (event) { if (!read(event.target)) { checkAll(); } });
  rows.addEventListener("change", function (event) {
    if (read(event.target)) {
      render('[data-index="' + event.target.closest(".ds-question-row").getAttribute("data-index") + '"] [data-field="kind"]');
    } else { checkAll(); }
  });
  rows.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var index = Number(button.closest(".ds-question-row").getAttribute("data-index")), question = questions[index];
    var here = '[data-index="' + index + '"] ';
    if (button.classList.contains("ds-add-option")) {
      question.options.push({id: freeId(question.options.map(function (option) { return option.id; }), "o"), text: ""});
      render(here + '[data-option="' + (question.options.length - 1) + '"]');
    } else if (button.classList.contains("ds-remove-option")) {
      question.options.splice(Number(button.getAttribute("data-option")), 1);
      render(here + ".ds-add-option");
    } else if (button.classList.contains("ds-remove")) {
      questions.splice(index, 1);
      render(questions.length ? '[data-index="' + Math.min(index, questions.length - 1) + '"] .ds-remove' : null);
      if (!questions.length) { root.querySelector(".ds-add-question").focus(); }
    } else {
      var place = button.classList.contains("ds-up") ? index - 1 : index + 1;
      if (place < 0 || place >= questions.length) { return; }
      questions.splice(index, 1);
      questions.splice(place, 0, question);
      render('[data-index="' + place + '"] .' + (button.classList.contains("ds-up") ? "ds-up" : "ds-down"));
    }
  });
  root.querySelector(".ds-add-question").addEventListener("click", function () {
    var question = blankQuestion();
    question.prompt = "";
    questions.push(question);
    render('[data-index="' + (questions.length - 1) + '"] [data-field="prompt"]');
  });

  function stored() {
    return questions.map(function (question) {
      var copy = JSON.parse(JSON.stringify(question));
      copy.max_picks = Number(copy.max_picks || 0);
      copy.max_length = Number(copy.max_length || 0);
      copy.options = (copy.options || []).map(function (option) { return {id: option.id, text: String(option.text).trim()}; });
      return copy;
    });
  }

  function send(dryRun) {
    var body = {
      display_name: form.display_name.value, intro: form.intro.value, questions: stored(),
      anonymous: form.anonymous.checked, editable: form.editable.checked, show_results: form.show_results.checked,
      opens_at: form.opens_at.value, closes_at: form.closes_at.value, dry_run: dryRun
    };
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    fetch(runtime.handlerUrl(root, "studio_submit"), {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : ""}
    }).then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
      .then(function (result) {
        var ok = result[0], data = result[1], list = root.querySelector(".ds-problems");
        list.innerHTML = "";
        (ok ? [] : data.message.split("\n")).forEach(function (line) {
          var item = document.createElement("li"); item.textContent = line; list.appendChild(item);
        });
        root.querySelector(".ds-studio-message").textContent = ok
          ? (data.saved ? T.saved : T.checked).replace("{count}", data.questions) : T.refused;
        if (ok && data.saved && runtime.notify) { runtime.notify("save", {state: "end"}); }
      });
  }

  root.querySelector(".ds-check").addEventListener("click", function () { send(true); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (checkAll()) {
      root.querySelector(".ds-studio-message").textContent = T.has_problems;
      var first = rows.querySelector('[aria-invalid="true"]');
      if (first) { first.focus(); }
      return;
    }
    send(false);
  });
  render(null);
}
