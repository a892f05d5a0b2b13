// Shingi pages: a little script on top of pages that work without it. The time slider moves through the notches
// of a deliberation; replay plays by following its own "next" links; the disposition table prints.
(function () {
  'use strict';

  // The time slider: notches are datetime-local values; moving sets the date-time field, releasing shows it.
  document.querySelectorAll('[data-slider-range]').forEach(function (range) {
    var times = (range.getAttribute('data-times') || '').split(',');
    var form = range.form;
    var field = form.querySelector('#atLocal');
    var pointer = false;
    range.hidden = false;
    var label = form.querySelector('.slider-range-label');
    if (label) label.hidden = false;
    function sync() {
      var i = parseInt(range.value, 10);
      // the last notch is "now": no instant, so the URL carries none and the page keeps up with the present
      field.value = i >= times.length - 1 ? '' : times[i];
      range.setAttribute('aria-valuetext', i >= times.length - 1 ? (field.getAttribute('data-now') || 'now') : times[i].replace('T', ' '));
    }
    range.addEventListener('pointerdown', function () { pointer = true; });
    range.addEventListener('input', sync);
    range.addEventListener('change', function () {
      sync();
      if (pointer) { pointer = false; form.submit(); } // keyboard users press Enter or "Show"
    });
    range.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); sync(); form.submit(); }
    });
  });

  // "As recorded on": the recorded-clock field shows only when the switch is on.
  document.querySelectorAll('[data-recorded-switch]').forEach(function (box) {
    var fieldBox = box.form.querySelector('[data-recorded-field]');
    function show() { fieldBox.hidden = !box.checked; }
    box.addEventListener('change', show);
    show();
  });

  // Replay: play follows the "next" link on a timer; pause is a link; the step slider jumps.
  document.querySelectorAll('[data-replay]').forEach(function (box) {
    var next = box.querySelector('[data-next]');
    if (box.getAttribute('data-play') === 'true' && next) {
      var speed = parseInt(box.getAttribute('data-speed'), 10) || 1500;
      window.setTimeout(function () { window.location.replace(next.getAttribute('data-play-href')); }, speed);
    }
    var range = box.querySelector('[data-step-range]');
    if (range) {
      var positions = range.getAttribute('data-hrefs').split(',');
      var base = range.getAttribute('data-base');
      range.hidden = false;
      box.querySelector('[data-step-label]').hidden = false;
      range.addEventListener('change', function () {
        window.location.assign(base + '?afterEvent=' + positions[parseInt(range.value, 10)]);
      });
    }
  });

  // A form that failed: bring its error summary into view for keyboard and screen-reader users.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();

  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
})();
