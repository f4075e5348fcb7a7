/* Studio editor of the level challenge: saves settings, levels and an imported bank in one request. */
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
      refused: gettext("Not saved:")
    };
  }

  function readFile(input) {
    return new Promise(function (resolve) {
      if (!input.files.length) { resolve(null); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve({name: input.files[0].name, data: reader.result.split(",")[1]}); };
      reader.readAsDataURL(input.files[0]);
    });
  }

  function send(dryRun) {
    readFile(form.bank_file).then(function (file) {
      var body = {
        display_name: form.display_name.value, levels: form.levels.value, competition_start: form.competition_start.value,
        competition_end: form.competition_end.value, show_leaderboard: form.show_leaderboard.checked,
        leaderboard_names: form.leaderboard_names.value, dry_run: dryRun, bank_file: file
      };
      var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
      return fetch(runtime.handlerUrl(root, "studio_submit"), {
        method: "POST", credentials: "same-origin", body: JSON.stringify(body),
        headers: {"Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : ""}
      });
    }).then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
      .then(function (result) {
        var ok = result[0], data = result[1], list = root.querySelector(".lc-problems");
        list.innerHTML = "";
        var lines = ok ? data.problems : data.message.split("\n");
        lines.forEach(function (line) {
          var item = document.createElement("li"); item.className = "lc-wrong"; item.textContent = line; list.appendChild(item);
        });
        root.querySelector(".lc-message").textContent = ok
          ? (data.saved ? T.saved : T.checked).replace("{count}", data.questions) : T.refused;
        if (ok && data.saved && runtime.notify) { runtime.notify("save", {state: "end"}); }
      });
  }

  root.querySelector(".lc-check").addEventListener("click", function () { send(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); send(false); });
}
