/* Studio editor of the level challenge: saves settings, levels and an imported bank in one request.
   A bank file goes as a real file upload (a multipart form), with its progress shown while it uploads. */
function LevelChallengeStudio(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var form = root.querySelector(".lc-studio-form");
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
      failed: gettext("The request failed ({status}). Nothing was saved; try again.")
    };
  }

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
      display_name: form.display_name.value, levels: form.levels.value, competition_start: form.competition_start.value,
      competition_end: form.competition_end.value, show_leaderboard: form.show_leaderboard.checked,
      leaderboard_names: form.leaderboard_names.value, dry_run: dryRun
    };
    var data = new FormData();
    data.append("json", JSON.stringify(edit));
    if (form.bank_file.files.length) { data.append("bank_file", form.bank_file.files[0]); }
    return data;
  }

  function answered(xhr) {
    var data;
    try { data = JSON.parse(xhr.responseText); } catch (error) { say(T.failed.replace("{status}", xhr.status)); return; }
    var ok = xhr.status >= 200 && xhr.status < 300;
    showProblems(ok ? data.problems : String(data.message || "").split("\n"));
    say(ok ? (data.saved ? T.saved : T.checked).replace("{count}", data.questions) : T.refused);
    if (ok && data.saved && runtime.notify) { runtime.notify("save", {state: "end"}); }
  }

  function send(dryRun) {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", runtime.handlerUrl(root, "studio_submit"));
    xhr.setRequestHeader("X-CSRFToken", match ? decodeURIComponent(match[1]) : "");
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) { say(T.uploading.replace("{percent}", Math.round(100 * event.loaded / event.total))); }
    });
    xhr.upload.addEventListener("load", function () { if (form.bank_file.files.length) { say(T.checking); } });
    xhr.addEventListener("load", function () { answered(xhr); });
    xhr.addEventListener("error", function () { say(T.failed.replace("{status}", 0)); });
    showProblems([]);
    xhr.send(body(dryRun));
  }

  root.querySelector(".lc-check").addEventListener("click", function () { send(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); send(false); });
}
