/* The learner's side of the level challenge: levels, an attempt, results, wrong-question review, leaderboard.
   Questions come from the server without answers; answers come back only after submitting. */
function LevelChallengeBlock(runtime, element, init) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var state = init.state, attempt = null, timer = null, onScroll = function () {};
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
      "false": gettext("False"),
      progress: gettext("Question {n} of {total}"),
      answered: gettext("Answered {answered} of {total}"),
      confirm_unanswered: gettext("{k} questions are not answered yet. Submit anyway?"),
      mine: gettext("My answer"),
      not_answered: gettext("Not answered"),
      book: gettext("Wrong-question book"),
      practice: gettext("Practise my wrong questions"),
      practice_note: gettext("Practice is not graded: it earns no points and uses no attempt."),
      check: gettext("Check my answers"),
      mastered: gettext("Mastered"),
      rank: gettext("Rank"),
      name: gettext("Name"),
      answer_one: gettext("Answer at least one question first."),
      time_up_blank: gettext("Time is up and no question was answered, so nothing was graded. Start the level again when you are ready.")
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

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function optionText(question, option) {  // stems and options are the bank's sanitised HTML
    return question.kind === "true_false" ? esc(option.id === "T" ? T["true"] : T["false"]) : option.text;
  }
  function hideAll() {
    ["lc-levels", "lc-attempt", "lc-review", "lc-board"].forEach(function (name) { $("." + name).hidden = true; });
  }
  function backToLevels() {
    clearInterval(timer); hideAll(); $(".lc-levels").hidden = false; renderLevels();
  }

  function start(number) {
    say("");
    post("start_level", {level: number}).then(function (data) {
      attempt = data; showAttempt();
    }).catch(fail);
  }

  // The questions of an attempt or of a practice round, under a bar that stays on screen (sticky):
  // which question is in view ("第 3/10 题"), how many are answered, and the time left.
  function questionsForm(questions, submitText, timed) {
    var html = '<div class="lc-bar"><span class="lc-where"></span> · <span class="lc-count"></span>';
    if (timed) { html += ' · <span class="lc-time">' + esc(T.time_left) + ': <span class="lc-timer"></span></span>'; }
    html += '</div><form class="lc-form">';
    questions.forEach(function (question, index) {
      var type = question.kind === "multiple" ? "checkbox" : "radio";
      html += '<fieldset data-question="' + esc(question.id) + '"><legend>' + esc(index + 1) + ". " + question.stem + "</legend>";
      question.options.forEach(function (option) {
        html += '<label class="lc-option" data-option="' + esc(option.id) + '"><input type="' + type + '" name="q-' +
          esc(question.id) + '" value="' + esc(option.id) + '"><span>' + optionText(question, option) + "</span></label>";
      });
      html += "</fieldset>";
    });
    return html + '<button type="submit" class="lc-submit">' + esc(submitText) + "</button></form>";
  }
  function chosenAnswers(box, questions) {
    var answers = {};
    questions.forEach(function (question) {
      var chosen = box.querySelectorAll('input[name="q-' + CSS.escape(question.id) + '"]:checked');
      answers[question.id] = Array.prototype.map.call(chosen, function (input) { return input.value; });
    });
    return answers;
  }
  function unanswered(answers) {
    return Object.keys(answers).filter(function (id) { return !answers[id].length; }).length;
  }
  // "第 n/N 题": the question being answered (focused), else the first one not scrolled under the bar;
  // at the foot of the page, the last one on screen.
  function trackProgress(box, questions) {
    var sets = Array.prototype.slice.call(box.querySelectorAll("fieldset")), bar = box.querySelector(".lc-bar");
    function inView() {
      var top = bar.getBoundingClientRect().bottom, at = sets.length - 1;
      var atFoot = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      for (var i = 0; i < sets.length; i++) {
        var rect = sets[i].getBoundingClientRect();
        if (atFoot ? rect.top < window.innerHeight : rect.bottom > top + 8) { at = i; if (!atFoot) { break; } }
      }
      return at;
    }
    function update(event) {
      var focused = event && event.target && event.target.closest ? event.target.closest("fieldset") : null;
      var at = focused && sets.indexOf(focused) >= 0 ? sets.indexOf(focused) : inView();
      box.querySelector(".lc-where").textContent = fill(T.progress, {n: at + 1, total: questions.length});
      var answers = chosenAnswers(box, questions);
      box.querySelector(".lc-count").textContent = fill(T.answered, {answered: questions.length - unanswered(answers), total: questions.length});
    }
    box.addEventListener("change", update);
    box.addEventListener("focusin", update);
    onScroll = function () { if (!box.hidden && box.contains(bar)) { update(); } };
    update();
  }

  function showAttempt() {
    var box = $(".lc-attempt");
    hideAll(); say("");
    box.innerHTML = questionsForm(attempt.questions, T.submit, !!attempt.time_limit_seconds);
    box.hidden = false;
    box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); submit(false); });
    trackProgress(box, attempt.questions);
    var first = box.querySelector("input"); if (first) { first.focus({preventScroll: true}); }
    if (attempt.time_limit_seconds) {
      countdown(attempt.seconds_left === undefined || attempt.seconds_left === null ? attempt.time_limit_seconds : attempt.seconds_left);
    }
  }

  function countdown(seconds) {
    var ends = Date.now() + seconds * 1000, label = $(".lc-timer");
    clearInterval(timer);
    function tick() {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      label.textContent = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      if (!left) { clearInterval(timer); submit(true); }
    }
    tick(); timer = setInterval(tick, 500);
  }

  function focusFirstBlank(box, answers) {
    var id = Object.keys(answers).filter(function (key) { return !answers[key].length; })[0];
    var input = id && box.querySelector('input[name="q-' + CSS.escape(id) + '"]');
    if (input) { input.closest("fieldset").scrollIntoView({block: "center"}); input.focus({preventScroll: true}); }
  }

  // Before a submission with questions left blank, the learner confirms; cancelling keeps the attempt open.
  function submit(timeUp) {
    var answers = chosenAnswers($(".lc-attempt"), attempt.questions), blank = unanswered(answers);
    if (blank === attempt.questions.length) {  // the server grades no empty form: say so, send nothing
      if (timeUp) { backToLevels(); }
      say(timeUp ? T.time_up_blank : T.answer_one);
      return;
    }
    if (!timeUp && blank && !window.confirm(fill(T.confirm_unanswered, {k: blank}))) {
      focusFirstBlank($(".lc-attempt"), answers);  // cancelled: back to the first question left blank
      return;
    }
    post("submit_level", {attempt_id: attempt.attempt_id, answers: answers}).then(function (result) {
      clearInterval(timer); showResult(result);
    }).catch(fail);
  }

  // Each question after answering: my answer and the right one marked in words, not by a greyed radio.
  function markAnswers(set, question, item) {
    set.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
    set.querySelectorAll("label.lc-option").forEach(function (label) {
      var id = label.dataset.option, mine = item.chosen.indexOf(id) >= 0, right = item.answer.indexOf(id) >= 0;
      if (mine) { label.classList.add(right ? "lc-mine-right" : "lc-mine-wrong"); }
      if (right) { label.classList.add("lc-is-answer"); }
      var badges = (mine ? '<span class="lc-tag lc-tag-mine">' + esc(T.mine) + "</span>" : "") +
        (right ? '<span class="lc-tag lc-tag-answer">' + esc(T.answer) + "</span>" : "");
      if (badges) { label.insertAdjacentHTML("beforeend", badges); }
    });
    var note = document.createElement("p");
    note.className = item.correct ? "lc-right" : "lc-wrong";
    note.innerHTML = "<strong>" + esc(item.correct ? T.correct : T.wrong) + "</strong>" +
      (item.chosen.length ? "" : " · " + esc(T.not_answered)) + " · " + esc(T.answer) + ": " +
      item.answer.map(function (id) {
        var option = question.options.filter(function (o) { return o.id === id; })[0];
        return option ? optionText(question, option) : esc(id);
      }).join("；") + (item.explanation ? "<br>" + esc(T.explanation) + ": " + item.explanation : "");
    set.appendChild(note);
  }
  function markAll(box, questions, results) {
    results.forEach(function (item) {
      var set = box.querySelector('fieldset[data-question="' + CSS.escape(item.id) + '"]');
      var question = questions.filter(function (q) { return q.id === item.id; })[0];
      if (set && question) { markAnswers(set, question, item); }
    });
    var button = box.querySelector(".lc-submit"); if (button) { button.remove(); }
    var bar = box.querySelector(".lc-bar"); if (bar) { bar.remove(); }
  }

  function showResult(result) {
    state = result.state;
    $(".lc-points").textContent = T.points + ": " + state.points + " / " + state.max_points;
    var box = $(".lc-attempt");
    markAll(box, attempt.questions, result.results);
    var summary = document.createElement("div");
    summary.className = "lc-summary";
    var allPassed = state.levels.every(function (level) { return level.status === "passed"; });
    summary.innerHTML = "<p><strong>" + esc(T.score) + ": " + esc(result.percent) + "% · " + esc(T.earned) + ": " +
      esc(result.points) + "</strong></p>";
    var back = document.createElement("button");
    back.type = "button"; back.className = "lc-back"; back.textContent = T.back;
    back.addEventListener("click", backToLevels);
    summary.appendChild(back);
    box.insertBefore(summary, box.firstChild);
    attempt = null;
    say(result.passed ? (allPassed ? T.all_passed : T.level_passed) : T.level_failed);
    back.focus();
  }

  // The 错题本: numbered, each with my answer, the right answer and the explanation; 已掌握 takes one out.
  function showReview() {
    post("wrong_questions").then(renderReview).catch(fail);
  }
  function renderReview(data) {
    var box = $(".lc-review"), html = "<h3>" + esc(T.book) + "</h3>";
    hideAll(); $(".lc-levels").hidden = false;
    if (!data.questions.length) { html += "<p>" + esc(T.no_wrong) + "</p>"; }
    else { html += '<p><button type="button" class="lc-practice">' + esc(T.practice) + "</button></p>"; }
    html += '<ol class="lc-book">';
    data.questions.forEach(function (question) {
      var label = function (id) {
        var option = question.options.filter(function (o) { return o.id === id; })[0];
        return option ? optionText(question, option) : esc(id);
      };
      html += '<li class="lc-review-item" data-question="' + esc(question.id) + '"><p class="lc-stem"><span class="lc-number">' +
        esc(question.number) + ".</span> " + question.stem + "</p><ul>";
      question.options.forEach(function (option) {
        var right = question.answer.indexOf(option.id) >= 0, mine = question.chosen.indexOf(option.id) >= 0;
        html += '<li class="' + (right ? "lc-right" : "") + (mine ? " lc-mine" : "") + '">' + optionText(question, option) + "</li>";
      });
      html += '</ul><dl class="lc-facts"><dt>' + esc(T.mine) + "</dt><dd class=\"lc-my-answer\">" +
        (question.chosen.length ? question.chosen.map(label).join("；") : esc(T.not_answered)) + "</dd><dt>" +
        esc(T.answer) + '</dt><dd class="lc-the-answer">' + question.answer.map(label).join("；") + "</dd>" +
        (question.explanation ? "<dt>" + esc(T.explanation) + "</dt><dd>" + question.explanation + "</dd>" : "") +
        '</dl><button type="button" class="lc-secondary lc-mastered" data-question="' + esc(question.id) + '">' +
        esc(T.mastered) + "</button></li>";
    });
    box.innerHTML = html + "</ol>"; box.hidden = false;
    var practice = box.querySelector(".lc-practice");
    if (practice) { practice.addEventListener("click", startPractice); }
    box.querySelectorAll(".lc-mastered").forEach(function (button) {
      button.addEventListener("click", function () {
        post("mark_mastered", {id: button.dataset.question}).then(function (after) {
          state.wrong_count = after.questions.length; renderReview(after);
        }).catch(fail);
      });
    });
    box.scrollIntoView();
  }

  // 重练错题: the wrong questions again, checked on the server, never graded.
  function startPractice() {
    post("practice_questions").then(function (data) {
      var box = $(".lc-attempt"), questions = data.questions;
      hideAll(); say(T.practice_note);
      box.innerHTML = "<h3>" + esc(T.practice) + "</h3>" + questionsForm(questions, T.check, false);
      box.hidden = false;
      trackProgress(box, questions);
      box.querySelector("form").addEventListener("submit", function (event) {
        event.preventDefault();
        var answers = chosenAnswers(box, questions), blank = unanswered(answers), given = {};
        if (blank === questions.length) { say(T.answer_one); return; }
        if (blank && !window.confirm(fill(T.confirm_unanswered, {k: blank}))) { focusFirstBlank(box, answers); return; }
        Object.keys(answers).forEach(function (id) { if (answers[id].length) { given[id] = answers[id]; } });
        post("check_practice", {answers: given}).then(function (checked) {
          markAll(box, questions, checked.results);
          var back = document.createElement("button");
          back.type = "button"; back.className = "lc-back"; back.textContent = T.book;
          back.addEventListener("click", showReview);
          box.appendChild(back);
        }).catch(fail);
      });
    }).catch(fail);
  }

  function showBoard() {
    post("leaderboard").then(function (data) {
      var box = $(".lc-board"), html = "<h3>" + esc(T.leaderboard) + '</h3><table><thead><tr><th scope="col">' +
        esc(T.rank) + '</th><th scope="col">' + esc(T.name) + '</th><th scope="col">' + esc(T.points) +
        "</th></tr></thead><tbody>";
      data.rows.forEach(function (row) {
        html += '<tr class="' + (row.me ? "lc-me" : "") + '"><td>' + esc(row.rank) + "</td><td>" + esc(row.name) +
          "</td><td>" + esc(row.points) + "</td></tr>";
      });
      html += "</tbody></table>";
      if (data.me) { html += "<p>" + esc(T.my_rank) + ": " + esc(data.me.rank) + " / " + esc(data.total) + "</p>"; }
      box.innerHTML = html; box.hidden = false;
    }).catch(fail);
  }

  window.addEventListener("scroll", function () { onScroll(); }, {passive: true});  // one listener, whichever form is shown
  $(".lc-show-review").addEventListener("click", showReview);
  $(".lc-show-board").addEventListener("click", showBoard);
  renderLevels();
  if (state.current) { attempt = state.current; showAttempt(); }  // a reload resumes the same draw
}
