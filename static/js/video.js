/* Practicum: click-to-load videos.
 * A lesson's video is a local placeholder (templates/blocks/video_block.html):
 * the page loads nothing from YouTube, Vimeo or Wistia until the learner
 * presses "Play video". Then the placeholder becomes the provider's player,
 * started (autoplay is in data-embed-url), and focus moves into it so keyboard
 * and screen-reader users land where the button was. The button is hidden in
 * the markup and shown here, so a page without JavaScript offers no dead
 * control, only the "Watch on …" link. Safe to load more than once.
 */
(function () {
  "use strict";

  function play(frame) {
    var iframe = document.createElement("iframe");
    iframe.src = frame.getAttribute("data-embed-url");
    iframe.title = frame.getAttribute("data-title");
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.replaceChildren(iframe);
    frame.classList.add("is-playing");
    iframe.focus();
  }

  function ready(frame) {
    var button = frame.querySelector("[data-video-play]");
    if (!button || frame.hasAttribute("data-video-ready")) {
      return;
    }
    frame.setAttribute("data-video-ready", "");
    button.hidden = false;
    button.addEventListener("click", function () {
      play(frame);
    });
  }

  // The transcript is a closed <details>: its link opens it.
  function openTranscript(event) {
    var link = event.target.closest("a[data-video-transcript]");
    var target = link && document.getElementById(link.hash.slice(1));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }

  document.querySelectorAll("[data-video]").forEach(ready);
  if (!window.practicumVideoLinks) {
    window.practicumVideoLinks = true;
    document.addEventListener("click", openTranscript);
  }
})();
