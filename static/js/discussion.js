/* Practicum: the discussion's character counter.
 * Each textarea with data-counter names the element that says "n of 5,000
 * characters" (aria-live="polite", updated after a pause in typing so screen
 * readers are not told at every keystroke). The form works without it: the
 * limit is in the hint and enforced by maxlength and by the server.
 */
(function () {
  "use strict";

  var numbers = new Intl.NumberFormat(document.documentElement.lang || "en");

  function counterFor(area) {
    var output = document.getElementById(area.getAttribute("data-counter"));
    var max = parseInt(area.getAttribute("maxlength"), 10);
    if (!output || !max) {
      return;
    }
    var template = output.getAttribute("data-template") || "{count} of {max} characters";
    var timer = null;

    function update() {
      var count = area.value.replace(/\r\n/g, "\n").length;
      output.textContent = template
        .replace("{count}", numbers.format(count))
        .replace("{max}", numbers.format(max));
      output.classList.toggle("is-near-limit", count > max * 0.9);
    }

    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
    update();
  }

  document.querySelectorAll("textarea[data-counter]").forEach(counterFor);
})();
