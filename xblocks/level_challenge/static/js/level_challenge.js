/* The learner's side of the level challenge: levels, an attempt, results, wrong-question review, leaderboard.
   Questions come from the server without answers; answers come back only after submitting. */
function LevelChallengeBlock(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var state = init.state, attempt = null, timer = null;
  var $ = function (selector) { return root.querySelector(selector); };
  // The script's words: from the platform's JavaScript catalog of the suite's blocks when the page
  // loaded one (the i18n service's get_javascript_i18n_catalog_url), else as the server translated them.
  var T = window.CadreTrainingI18N ? words(window.CadreTrainingI18N.gettext) : init.text;
  function words(gettext) {
    return {
      points: gettext("Points"),
      start: gettext("Start"),
      retry: gettext("Try again"),
      submit: gettext("Submit answers"),
      locked: gettext("Locked"),
      open: gettext("Open"),
      passed: gettext("Passed"),
      best: gettext("Best score"),
      correct: gettext("Correct"),
      wrong: gettext("Wrong"),
      answer: gettext("Correct answer"),
      explanation: gettext("Explanation"),
      score: gettext("Score"),
      earned: gettext("Points earned"),
      level_passed: gettext("Level passed! The next level is open."),
      all_passed: gettext("All levels passed!"),
      level_failed: gettext("Not passed this time."),
      review: gettext("Review my wrong questions"),
      no_wrong: gettext("No wrong questions to review."),
      back: gettext("Back to the levels"),
      time_left: gettext("Time left"),
      attempts_left: gettext("Attempts left"),
      question: gettext("Question"),
      leaderboard: gettext("Leaderboard"),
      my_rank: gettext("My rank"),
      closed: gettext("The competition is closed."),
      "true": gettext("True"),
      "false": gettext("False")
    };
  }

  // Text for HTML, in element content and in attributes quoted either way: & < > " ' all escaped.
  var ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"};
  function esc(text) {
    return (text == null ? "" : String(text)).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function post(handler, body) {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return fetch(runtime.handlerUrl(root, handler), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": match ? decodeURIComponent(match[1]) : ""},
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw data; }
        return data;
      });
    });
  }
  function say(text) { $(".lc-message").textContent = text || ""; }
  function fail(error) { say(error && error.message ? error.message : String(error)); }

  function renderLevels() {
    $(".lc-points").textContent = T.points + ": " + state.points + " / " + state.max_points;
    var list = $(".lc-levels"); list.innerHTML = "";
    state.levels.forEach(function (level) {
      var item = document.createElement("li");
      item.className = "lc-level"; item.dataset.status = level.status;
      var left = level.attempts_allowed ? " · " + T.attempts_left + " " + Math.max(level.attempts_allowed - level.attempts, 0) : "";
      var best = level.best_percent === null ? "" : " · " + T.best + " " + level.best_percent + "%";
      item.innerHTML = '<span><strong class="lc-level-title">' + esc(level.title) + "</strong><br><small>" +
        esc(level.count + " × " + T.question + best + left) + '</small></span><span class="lc-badge">' +
        esc(T[level.status]) + "</span>";
      if (level.status !== "locked") {
        var button = document.createElement("button");
        button.type = "button"; button.className = "lc-start";
        button.textContent = level.status === "passed" || level.attempts ? T.retry : T.start;
        button.disabled = !state.competition_open;
        button.addEventListener("click", function () { start(level.number); });
        item.appendChild(button);
      }
      list.appendChild(item);
    });
    $(".lc-show-board").hidden = !state.show_leaderboard;
    if (!state.competition_open) { say(T.closed); } else if (state.notice) { say(state.notice); }
  }

  function start(number) {
    say("");
    post("start_level", {level: number}).then(function (data) {
      attempt = data; showAttempt();
    }).catch(fail);
  }

  function showAttempt() {
    var box = $(".lc-attempt"), html = "";
    $(".lc-levels").hidden = true; $(".lc-review").hidden = true; $(".lc-board").hidden = true;
    html += '<form class="lc-form">';
    if (attempt.time_limit_seconds) { html += '<p>' + esc(T.time_left) + ': <span class="lc-timer"></span></p>'; }
    attempt.questions.forEach(function (question, index) {
      var type = question.kind === "multiple" ? "checkbox" : "radio";
      html += '<fieldset data-question="' + esc(question.id) + '"><legend>' + (index + 1) + ". " + question.stem + "</legend>";
      question.options.forEach(function (option) {
        var text = question.kind === "true_false" ? (option.id === "T" ? T["true"] : T["false"]) : option.text;
        html += '<label class="lc-option"><input type="' + type + '" name="q-' + esc(question.id) + '" value="' +
          esc(option.id) + '"><span>' + (question.kind === "true_false" ? esc(text) : text) + "</span></label>";
      });
      html += "</fieldset>";
    });
    html += '<button type="submit" class="lc-submit">' + esc(T.submit) + "</button></form>";
    box.innerHTML = html; box.hidden = false;
    box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); submit(); });
    var first = box.querySelector("input"); if (first) { first.focus(); }
    if (attempt.time_limit_seconds) {
      countdown(attempt.seconds_left === undefined || attempt.seconds_left === null ? attempt.time_limit_seconds : attempt.seconds_left);
    }
  }

  function countdown(seconds) {
    var ends = Date.now() + seconds * 1000, label = $(".lc-timer");
    clearInterval(timer);
    timer = setInterval(function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      label.textContent = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      if (!left) { clearInterval(timer); submit(); }
    }, 500);
  }

  function submit() {
    clearInterval(timer);
    var answers = {};
    attempt.questions.forEach(function (question) {
      var chosen = root.querySelectorAll('input[name="q-' + CSS.escape(question.id) + '"]:checked');
      answers[question.id] = Array.prototype.map.call(chosen, function (input) { return input.value; });
    });
    post("submit_level", {attempt_id: attempt.attempt_id, answers: answers}).then(showResult).catch(fail);
  }

  function optionLabel(questionId, optionId) {
    var question = attempt.questions.filter(function (q) { return q.id === questionId; })[0];
    if (question.kind === "true_false") { return esc(optionId === "T" ? T["true"] : T["false"]); }
    var option = question.options.filter(function (o) { return o.id === optionId; })[0];
    return option ? option.text : esc(optionId);
  }

  function showResult(result) {
    state = result.state;
    $(".lc-points").textContent = T.points + ": " + state.points + " / " + state.max_points;
    var box = $(".lc-attempt");
    result.results.forEach(function (item) {
      var set = box.querySelector('fieldset[data-question="' + CSS.escape(item.id) + '"]');
      set.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
      var note = document.createElement("p");
      note.className = item.correct ? "lc-right" : "lc-wrong";
      note.innerHTML = "<strong>" + esc(item.correct ? T.correct : T.wrong) + "</strong> · " + esc(T.answer) + ": " +
        item.answer.map(function (id) { return optionLabel(item.id, id); }).join("；") +
        (item.explanation ? "<br>" + esc(T.explanation) + ": " + item.explanation : "");
      set.appendChild(note);
    });
    box.querySelector(".lc-submit").remove();
    var summary = document.createElement("div");
    summary.className = "lc-summary";
    var allPassed = state.levels.every(function (level) { return level.status === "passed"; });
    summary.innerHTML = "<p><strong>" + esc(T.score) + ": " + result.percent + "% · " + esc(T.earned) + ": " +
      result.points + "</strong></p>";
    var back = document.createElement("button");
    back.type = "button"; back.className = "lc-back"; back.textContent = T.back;
    back.addEventListener("click", function () { box.hidden = true; $(".lc-levels").hidden = false; renderLevels(); });
    summary.appendChild(back);
    box.insertBefore(summary, box.firstChild);
    say(result.passed ? (allPassed ? T.all_passed : T.level_passed) : T.level_failed);
    back.focus();
  }

  function showReview() {
    post("wrong_questions").then(function (data) {
      var box = $(".lc-review"), html = "<h3>" + esc(T.review) + "</h3>";
      if (!data.questions.length) { html += "<p>" + esc(T.no_wrong) + "</p>"; }
      data.questions.forEach(function (question) {
        html += '<div class="lc-review-item"><p>' + question.stem + "</p><ul>";
        question.options.forEach(function (option) {
          var right = question.answer.indexOf(option.id) >= 0;
          var text = question.kind === "true_false" ? esc(option.id === "T" ? T["true"] : T["false"]) : option.text;
          html += '<li class="' + (right ? "lc-right" : "") + '">' + text + (right ? " ✔" : "") + "</li>";
        });
        html += "</ul>" + (question.explanation ? "<p>" + esc(T.explanation) + ": " + question.explanation + "</p>" : "") + "</div>";
      });
      box.innerHTML = html; box.hidden = false; box.scrollIntoView();
    }).catch(fail);
  }

  function showBoard() {
    post("leaderboard").then(function (data) {
      var box = $(".lc-board"), html = "<h3>" + esc(T.leaderboard) + "</h3><table><tbody>";
      data.rows.forEach(function (row) {
        html += '<tr class="' + (row.me ? "lc-me" : "") + '"><td>' + row.rank + "</td><td>" + esc(row.name) +
          "</td><td>" + row.points + "</td></tr>";
      });
      html += "</tbody></table>";
      if (data.me) { html += "<p>" + esc(T.my_rank) + ": " + data.me.rank + " / " + data.total + "</p>"; }
      box.innerHTML = html; box.hidden = false;
    }).catch(fail);
  }

  $(".lc-show-review").addEventListener("click", showReview);
  $(".lc-show-board").addEventListener("click", showBoard);
  renderLevels();
  if (state.current) { attempt = state.current; showAttempt(); }  // a reload resumes the same draw
}
