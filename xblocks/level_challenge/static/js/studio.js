/* Studio editor of the level challenge: settings, the levels as a form (no JSON), and an imported bank,
   saved in one request. Every problem of a level is shown next to its field as the author types, by the
   same rules the server applies (level_form.py); the server refuses a save while any is left.
   A bank file goes as a real file upload (a multipart form), with its progress shown while it uploads. */
function LevelChallengeStudio(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var form = root.querySelector(".lc-studio-form");
  var rows = root.querySelector(".lc-level-rows");
  var DIFFICULTIES = ["easy", "medium", "hard"];
  var NUMBERS = ["count", "pass_percent", "points_per_correct", "attempts_allowed"];
  // The script's words: from the platform's JavaScript catalog of the suite's blocks when the page
  // loaded one (the i18n service's get_javascript_i18n_catalog_url), else as the server translated them.
  var T = window.CadreTrainingI18N ? words(window.CadreTrainingI18N.gettext) : init.text;
  function words(gettext) {
    return {
      checked: gettext("Checked: {count} questions. Nothing is saved yet."),
      saved: gettext("Saved: {count} questions."),
      refused: gettext("Not saved:"),
      uploading: gettext("Uploading the bank file: {percent}%"),
      checking: gettext("Reading and checking the bank's questions…"),
      failed: gettext("The request failed ({status}). Nothing was saved; try again."),
      not_a_level: gettext("This level is not a set of fields."),
      title_missing: gettext("Give the level a title."),
      title_long: gettext("Keep the title to {most} characters."),
      whole: gettext("Enter a whole number from {least} to {most}."),
      minutes: gettext("Enter a whole number of minutes from 0 to 1440."),
      quota_sum: gettext("The difficulty quotas add up to {total}, not the level's {count} questions."),
      pool: gettext("The bank holds only {have} questions for this level's tags."),
      quota_pool: gettext("The bank holds only {have} questions of this difficulty for this level's tags."),
      no_tag: gettext("No question of the bank carries any of these tags."),
      form_refused: gettext("Not saved: fix the problems marked next to their fields."),
      level: gettext("Level {number}"),
      title: gettext("Title"),
      count: gettext("Number of questions"),
      quotas: gettext("Questions of each difficulty (all empty: any difficulty)"),
      easy: gettext("Easy"),
      medium: gettext("Medium"),
      hard: gettext("Hard"),
      tags: gettext("Tags (separated by commas; empty: the whole bank)"),
      pass_percent: gettext("Pass mark (%)"),
      points_per_correct: gettext("Points per correct answer"),
      time_limit: gettext("Time limit (minutes, 0: none)"),
      attempts_allowed: gettext("Attempts (0: unlimited)"),
      requires_previous: gettext("Opens only after the previous level is passed"),
      up: gettext("Move up"),
      down: gettext("Move down"),
      remove: gettext("Remove"),
      new_level: gettext("New level"),
      no_levels: gettext("No levels yet: add the first one."),
      has_problems: gettext("Fix the marked fields before saving."),
      moved: gettext("“{title}” is now level {place}."),
      removed: gettext("Level {number} removed."),
      added: gettext("Level {number} added."),
      credits: gettext("Credits for completing this block"),
      hours: gettext("Class hours for completing this block"),
      credits_help: gettext("Empty: this block earns no credits of its own. At most two decimal places."),
      not_amount: gettext("Enter a number of at least 0 with at most two decimal places, like 2 or 0.5."),
      too_large: gettext("Enter less than {ceiling}."),
      no_file: gettext("Choose a bank file to import."),
      import_refused: gettext("Not imported:")
    };
  }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // --- the levels as a form ------------------------------------------------------------------------
  var levels = (init.levels || []).map(function (level) { return JSON.parse(JSON.stringify(level)); });

  function blankLevel() {
    return {title: T.new_level + " " + (levels.length + 1), count: 10, tags: [], quotas: {}, pass_percent: 60,
            points_per_correct: 10, time_limit_seconds: 0, attempts_allowed: 0, requires_previous: true,
            prerequisite_block: ""};
  }
  function fieldId(number, name) { return "lc-l" + number + "-" + name.replace(".", "-"); }
  function input(number, name, label, value, attributes) {
    var id = fieldId(number, name);
    return '<div class="lc-field"><label for="' + id + '">' + esc(label) + '</label><input id="' + id +
      '" data-field="' + esc(name) + '" value="' + esc(value) + '" aria-describedby="' + id + '-error" ' +
      (attributes || 'type="text"') + '><span class="lc-field-error" id="' + id + '-error"></span></div>';
  }
  function number(numberOfLevel, name, label, value, least, most) {
    return input(numberOfLevel, name, label, value, 'type="number" inputmode="numeric" min="' + least + '" max="' +
      most + '" step="1"');
  }

  function rowHtml(level, index) {
    var quotas = level.quotas || {};
    var html = '<fieldset class="lc-level-row" data-index="' + index + '"><legend>' +
      esc(fill(T.level, {number: index + 1})) + "</legend>";
    html += input(index, "title", T.title, level.title, 'type="text" maxlength="' + init.title_max + '"');
    html += '<div class="lc-field-grid">' + number(index, "count", T.count, level.count, 1, 1000);
    html += number(index, "pass_percent", T.pass_percent, level.pass_percent, 0, 100);
    html += number(index, "points_per_correct", T.points_per_correct, level.points_per_correct, 0, 1000);
    html += number(index, "time_limit", T.time_limit, (level.time_limit_seconds || 0) / 60, 0, 1440);
    html += number(index, "attempts_allowed", T.attempts_allowed, level.attempts_allowed, 0, 1000) + "</div>";
    html += '<fieldset class="lc-quotas" aria-describedby="' + fieldId(index, "quotas") + '-error"><legend>' +
      esc(T.quotas) + '</legend><div class="lc-field-grid">';
    DIFFICULTIES.forEach(function (difficulty) {
      html += number(index, "quotas." + difficulty, T[difficulty], quotas[difficulty] === undefined ? "" :
        quotas[difficulty], 0, 1000);
    });
    html += '</div><span class="lc-field-error" id="' + fieldId(index, "quotas") + '-error"></span></fieldset>';
    html += input(index, "tags", T.tags, (level.tags || []).join("，"));
    html += '<div class="lc-field"><label><input type="checkbox" data-field="requires_previous"' +
      (level.requires_previous === false ? "" : " checked") + "> " + esc(T.requires_previous) + "</label></div>";
    html += '<div class="lc-row-actions">' +
      '<button type="button" class="lc-secondary lc-up"' + (index === 0 ? " disabled" : "") + ">" + esc(T.up) + "</button>" +
      '<button type="button" class="lc-secondary lc-down"' + (index === levels.length - 1 ? " disabled" : "") + ">" +
      esc(T.down) + "</button>" +
      '<button type="button" class="lc-secondary lc-remove">' + esc(T.remove) + "</button></div></fieldset>";
    return html;
  }

  function render(focus) {
    rows.innerHTML = levels.length ? levels.map(rowHtml).join("") :
      '<p class="lc-no-levels">' + esc(T.no_levels) + "</p>";
    check();
    if (focus) {
      var target = rows.querySelector(focus);
      if (target && !target.disabled) { target.focus(); } else if (target) {
        (target.parentNode.querySelector("button:not([disabled])") || target).focus();
      }
    }
  }

  function splitTags(text) {
    return String(text).split(/[,，、;；]/).map(function (tag) { return tag.trim(); })
      .filter(function (tag) { return tag; });
  }

  // One field of the form into its level (the stored form: seconds, a list of tags, quotas > 0 only).
  function read(target) {
    var row = target.closest(".lc-level-row");
    if (!row) { return; }
    var level = levels[Number(row.getAttribute("data-index"))];
    var name = target.getAttribute("data-field"), value = target.value;
    if (name === "title") { level.title = value; }
    else if (name === "tags") { level.tags = splitTags(value); }
    else if (name === "requires_previous") { level.requires_previous = target.checked; }
    else if (name === "time_limit") { level.time_limit_seconds = value.trim() === "" ? NaN : Number(value) * 60; }
    else if (name.indexOf("quotas.") === 0) {
      level.quotas = level.quotas || {};
      if (value.trim() === "") { delete level.quotas[name.slice(7)]; } else { level.quotas[name.slice(7)] = Number(value); }
    } else if (NUMBERS.indexOf(name) >= 0) { level[name] = value.trim() === "" ? NaN : Number(value); }
  }

  function whole(value, least, most) {
    return typeof value === "number" && Math.floor(value) === value && value >= least && value <= most;
  }

  // The bank's questions for a level's tags, by difficulty (the mirror of level_form._pool_problems).
  function pool(tags) {
    var found = {all: 0, easy: 0, medium: 0, hard: 0};
    (init.bank || []).forEach(function (kind) {
      var matches = !tags.length || kind[1].some(function (tag) { return tags.indexOf(tag) >= 0; });
      if (matches) { found.all += kind[2]; found[kind[0]] += kind[2]; }
    });
    return found;
  }

  // The problems of one level, as {field: message}: the same rules and words as level_form.form_problems.
  function levelProblems(level) {
    var problems = {}, ranges = init.ranges;
    var title = String(level.title || "").trim();
    if (!title) { problems.title = T.title_missing; }
    else if (title.length > init.title_max) { problems.title = fill(T.title_long, {most: init.title_max}); }
    NUMBERS.forEach(function (name) {
      if (!whole(level[name], ranges[name][0], ranges[name][1])) {
        problems[name] = fill(T.whole, {least: ranges[name][0], most: ranges[name][1]});
      }
    });
    if (!whole(level.time_limit_seconds, 0, 86400) || level.time_limit_seconds % 60) { problems.time_limit = T.minutes; }
    var quotas = level.quotas || {}, total = 0, used = false;
    DIFFICULTIES.forEach(function (difficulty) {
      if (difficulty in quotas) {
        if (!whole(quotas[difficulty], 0, 1000)) { problems["quotas." + difficulty] = fill(T.whole, {least: 0, most: 1000}); }
        else if (quotas[difficulty] > 0) { total += quotas[difficulty]; used = true; }
      }
    });
    if (Object.keys(problems).length) { return problems; }
    var tags = level.tags || [], have = pool(tags);
    if (tags.length && !have.all) { problems.tags = T.no_tag; }
    if (have.all < level.count) { problems.count = fill(T.pool, {have: have.all}); }
    if (used) {
      if (total !== level.count) { problems.quotas = fill(T.quota_sum, {total: total, count: level.count}); }
      DIFFICULTIES.forEach(function (difficulty) {
        if (quotas[difficulty] > 0 && have[difficulty] < quotas[difficulty]) {
          problems["quotas." + difficulty] = fill(T.quota_pool, {have: have[difficulty]});
        }
      });
    }
    return problems;
  }

  function showFieldProblems(byLevel) {
    var count = 0;
    rows.querySelectorAll(".lc-level-row").forEach(function (row) {
      var index = Number(row.getAttribute("data-index")), problems = byLevel[index] || {};
      row.querySelectorAll(".lc-field-error").forEach(function (span) {
        var name = span.id.slice(fieldId(index, "").length, -"-error".length).replace("quotas-", "quotas.");
        var message = problems[name] || "";
        span.textContent = message;
        if (message) { count += 1; }
        var field = row.querySelector('[data-field="' + name + '"]');
        if (field) { field.setAttribute("aria-invalid", message ? "true" : "false"); }
      });
    });
    return count;
  }

  // Credits and hours: the mirror of block_credits.read_amount.
  function creditProblems() {
    var problems = {};
    ["credits", "hours"].forEach(function (name) {
      var text = form[name].value.trim();
      if (!text) { return; }
      if (!/^[0-9]+(\.[0-9]{1,2})?$/.test(text)) { problems[name] = T.not_amount; }
      else if (Number(text) >= init.ceilings[name]) { problems[name] = fill(T.too_large, {ceiling: init.ceilings[name]}); }
    });
    return problems;
  }
  function showCreditProblems(problems) {
    var count = 0;
    ["credits", "hours"].forEach(function (name) {
      var message = problems[name] || "";
      root.querySelector("#lc-" + name + "-error").textContent = message;
      form[name].setAttribute("aria-invalid", message ? "true" : "false");
      if (message) { count += 1; }
    });
    return count;
  }

  function check() {
    var count = showFieldProblems(levels.map(levelProblems)) + showCreditProblems(creditProblems());
    root.querySelector(".lc-form-status").textContent = count ? T.has_problems : "";
    return count;
  }

  rows.addEventListener("input", function (event) { read(event.target); check(); });
  rows.addEventListener("change", function (event) { read(event.target); check(); });
  rows.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var index = Number(button.closest(".lc-level-row").getAttribute("data-index")), level = levels[index];
    if (button.classList.contains("lc-remove")) {
      levels.splice(index, 1);
      render(levels.length ? '[data-index="' + Math.min(index, levels.length - 1) + '"] .lc-remove' : null);
      if (!levels.length) { root.querySelector(".lc-add-level").focus(); }
      say(fill(T.removed, {number: index + 1}));
      return;
    }
    var place = button.classList.contains("lc-up") ? index - 1 : index + 1;
    if (place < 0 || place >= levels.length) { return; }
    levels.splice(index, 1);
    levels.splice(place, 0, level);
    render('[data-index="' + place + '"] .' + (button.classList.contains("lc-up") ? "lc-up" : "lc-down"));
    say(fill(T.moved, {title: level.title, place: place + 1}));
  });
  root.querySelector(".lc-add-level").addEventListener("click", function () {
    levels.push(blankLevel());
    render('[data-index="' + (levels.length - 1) + '"] [data-field="title"]');
    say(fill(T.added, {number: levels.length}));
  });
  form.credits.addEventListener("input", check);
  form.hours.addEventListener("input", check);

  // --- sending -------------------------------------------------------------------------------------
  function say(text) { root.querySelector(".lc-message").textContent = text; }

  function showProblems(lines) {
    var list = root.querySelector(".lc-problems");
    list.innerHTML = "";
    lines.forEach(function (line) {
      var item = document.createElement("li"); item.className = "lc-wrong"; item.textContent = line; list.appendChild(item);
    });
  }

  function body(dryRun) {
    var edit = {
      display_name: form.display_name.value, levels: levels, competition_start: form.competition_start.value,
      competition_end: form.competition_end.value, show_leaderboard: form.show_leaderboard.checked,
      leaderboard_names: form.leaderboard_names.value, credits: form.credits.value.trim(),
      hours: form.hours.value.trim(), dry_run: dryRun
    };
    var data = new FormData();
    data.append("json", JSON.stringify(edit));
    return data;
  }

  // The server's problems by field, next to their fields (they are the same as the script's, or a new bank's).
  function showServerFields(fields) {
    var byLevel = levels.map(function () { return {}; }), credits = {};
    (fields || []).forEach(function (problem) {
      var name = problem.field === "time_limit_seconds" ? "time_limit" : problem.field;
      if (problem.level === null) { credits[name] = problem.message; }
      else if (byLevel[problem.level]) { byLevel[problem.level][name] = problem.message; }
    });
    return showFieldProblems(byLevel) + showCreditProblems(credits);
  }

  function answered(xhr) {
    var data;
    try { data = JSON.parse(xhr.responseText); } catch (error) { say(T.failed.replace("{status}", xhr.status)); return; }
    var ok = xhr.status >= 200 && xhr.status < 300;
    showProblems(ok ? data.problems : String(data.message || "").split("\n"));
    if (data.fields) { showServerFields(data.fields); }
    say(ok ? (data.saved ? T.saved : T.checked).replace("{count}", data.questions) : T.refused);
    if (ok && data.saved && runtime.notify) { runtime.notify("save", {state: "end"}); }
  }

  // A POST of ``data`` to the handler; ``tell`` shows the upload's progress, ``done`` gets the answer.
  function post(handler, data, tell, done, withFile) {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", runtime.handlerUrl(root, handler));
    xhr.setRequestHeader("X-CSRFToken", match ? decodeURIComponent(match[1]) : "");
    xhr.upload.addEventListener("progress", function (event) {
      if (withFile && event.lengthComputable) {
        tell(T.uploading.replace("{percent}", Math.round(100 * event.loaded / event.total)));
      }
    });
    xhr.upload.addEventListener("load", function () { if (withFile) { tell(T.checking); } });
    xhr.addEventListener("load", function () { done(xhr); });
    xhr.addEventListener("error", function () { tell(T.failed.replace("{status}", 0)); });
    xhr.send(data);
  }

  function send(dryRun) {
    showProblems([]);
    post("studio_submit", body(dryRun), say, answered, false);
  }

  // --- importing a bank: preview, then confirm ---------------------------------------------------
  var importForm = root.querySelector(".lc-import-form");
  var preview = root.querySelector(".lc-import-preview");
  var confirmButton = root.querySelector(".lc-confirm-import");
  var previewed = null;  // the bank version the preview was made against
  root.querySelector(".lc-template").setAttribute("href", runtime.handlerUrl(root, "bank_template"));

  function tellImport(text) { preview.innerHTML = "<p>" + esc(text) + "</p>"; }
  function importData(confirm) {
    var data = new FormData();
    data.append("json", JSON.stringify({mode: importForm.querySelector("[name=mode]:checked").value,
                                        confirm: confirm, bank_version: previewed}));
    data.append("bank_file", importForm.bank_file.files[0]);
    return data;
  }
  function showImport(xhr) {
    var data;
    try { data = JSON.parse(xhr.responseText); } catch (error) { tellImport(fill(T.failed, {status: xhr.status})); return; }
    var ok = xhr.status >= 200 && xhr.status < 300;
    var lines = ok ? [data.summary].concat(data.notes || []) : [T.import_refused].concat(String(data.message || "").split("\n"));
    var problems = ok ? (data.fields || []).map(function (problem) {
      return fill(T.level, {number: problem.level + 1}) + "：" + problem.message;
    }) : [];
    preview.innerHTML = lines.map(function (line) { return "<p>" + esc(line) + "</p>"; }).join("") +
      (problems.length ? '<ul class="lc-wrong">' + problems.map(function (line) {
        return "<li>" + esc(line) + "</li>"; }).join("") + "</ul>" : "");
    previewed = ok && !data.saved && !problems.length ? data.bank_version : null;
    confirmButton.hidden = previewed === null;
    if (ok && data.saved) {
      init.bank = data.bank;
      root.querySelector(".lc-bank-size").textContent = data.bank_size;
      check();
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
    }
  }
  function forgetPreview() { previewed = null; confirmButton.hidden = true; preview.innerHTML = ""; }
  importForm.bank_file.addEventListener("change", forgetPreview);
  importForm.querySelectorAll("[name=mode]").forEach(function (radio) { radio.addEventListener("change", forgetPreview); });
  root.querySelector(".lc-preview-import").addEventListener("click", function () {
    if (!importForm.bank_file.files.length) { tellImport(T.no_file); importForm.bank_file.focus(); return; }
    post("import_bank", importData(false), tellImport, showImport, true);
  });
  confirmButton.addEventListener("click", function () {
    if (previewed === null || !importForm.bank_file.files.length) { return; }
    post("import_bank", importData(true), tellImport, showImport, true);
  });
  importForm.addEventListener("submit", function (event) { event.preventDefault(); });

  root.querySelector(".lc-check").addEventListener("click", function () { send(true); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (check()) {  // the server would refuse it: say so where the problems are, send nothing
      say(T.has_problems);
      var first = rows.querySelector('[aria-invalid="true"]');
      if (first) { first.focus(); }
      return;
    }
    send(false);
  });
  render(null);
}
