/* Practicum: after a failed submit, focus starts at the error summary
 * (templates/includes/error_summary.html), not at the top of the page, so a
 * keyboard or screen-reader user hears what went wrong first. A link in the
 * summary moves focus to its field (the first choice of a group of radios).
 */
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  // A URL with a fragment (a form posted after the skip link was used) sends
  // the focus to its target once the page has loaded: bring it back here,
  // unless the learner has already moved on to a control.
  window.addEventListener("load", function () {
    var active = document.activeElement;
    if (active === document.body || active === document.getElementById("main")) {
      summary.focus();
    }
  });

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-error-field]");
    var target = link && document.getElementById(link.hash.slice(1));
    if (!target) {
      return;
    }
    var control = target.matches("input, select, textarea")
      ? target
      : target.querySelector("input, select, textarea");
    if (control) {
      event.preventDefault();
      control.focus();
    }
  });
})();
