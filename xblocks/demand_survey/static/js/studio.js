/* Studio editor of the demand survey: settings and questions, checked and saved in one request. */
function DemandSurveyStudio(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var form = root.querySelector(".ds-studio-form");
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

  function send(dryRun) {
    var body = {
      display_name: form.display_name.value, intro: form.intro.value, questions: form.questions.value,
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
  form.addEventListener("submit", function (event) { event.preventDefault(); send(false); });
}
