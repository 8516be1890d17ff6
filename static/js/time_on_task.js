/* Practicum: time on task on a lesson page.
 * While the page is visible (document.visibilityState) and the learner has
 * done something in the last few minutes (or a video or audio is playing),
 * count the seconds, and send them about once a minute to the element's
 * data-heartbeat-url (POST, with the page's CSRF token). The server credits at
 * most the time since the previous heartbeat and at most two minutes, and
 * writes at most one heartbeat a minute; a refused one (429) keeps its seconds
 * for the next. Where the lesson has a minimum time, the status line says
 * what is left. Without JavaScript the page works the same: the time from
 * first opening the lesson to marking it complete counts, up to its
 * estimated minutes.
 */
(function () {
  "use strict";

  var element = document.querySelector(".lesson-time[data-heartbeat-url]");
  if (!element || !window.fetch) {
    return;
  }
  var SEND_EVERY = 60; // seconds
  var IDLE_AFTER = 5 * 60 * 1000; // no input for five minutes: idle
  var url = element.getAttribute("data-heartbeat-url");
  var tokenInput = element.querySelector("input[name=csrfmiddlewaretoken]");
  var required = parseInt(element.getAttribute("data-required-seconds") || "0", 10);
  var status = element.querySelector(".lesson-time__left");
  var visibleSeconds = 0;
  var sinceSent = 0;
  var lastInput = Date.now();
  var sending = false;

  function markActive() {
    lastInput = Date.now();
  }
  ["pointerdown", "pointermove", "keydown", "scroll", "touchstart", "wheel"].forEach(
    function (name) {
      window.addEventListener(name, markActive, { passive: true });
    }
  );

  function mediaPlaying() {
    var media = document.querySelectorAll("video, audio");
    for (var i = 0; i < media.length; i += 1) {
      if (!media[i].paused && !media[i].ended) {
        return true;
      }
    }
    return false;
  }

  function active() {
    return (
      document.visibilityState === "visible" &&
      (Date.now() - lastInput < IDLE_AFTER || mediaPlaying())
    );
  }

  function showLeft(lessonSeconds) {
    if (!status || !required) {
      return;
    }
    var left = required - lessonSeconds;
    if (left <= 0) {
      status.textContent = element.getAttribute("data-done-text");
      return;
    }
    var minutes = Math.ceil(left / 60);
    status.textContent = element
      .getAttribute("data-left-template")
      .replace("{left}", minutes + " min");
  }

  function send() {
    if (sending || visibleSeconds < 1 || !tokenInput) {
      return;
    }
    sending = true;
    var seconds = visibleSeconds;
    var body = new URLSearchParams();
    body.append("seconds", String(seconds));
    window
      .fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": tokenInput.value },
        body: body,
      })
      .then(function (response) {
        if (response.ok) {
          visibleSeconds = Math.max(visibleSeconds - seconds, 0);
          return response.json().then(function (data) {
            showLeft(data.lesson_seconds);
          });
        }
        if (response.status !== 429) {
          window.clearInterval(timer); // not a lesson of ours: stop asking
        }
        return null;
      })
      .catch(function () {})
      .then(function () {
        sending = false;
      });
  }

  var timer = window.setInterval(function () {
    if (!active()) {
      return;
    }
    visibleSeconds += 1;
    sinceSent += 1;
    if (sinceSent >= SEND_EVERY) {
      sinceSent = 0;
      send();
    }
  }, 1000);
})();
