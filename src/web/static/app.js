// tdkt: small progressive enhancements. Loaded as a file (no inline scripts: the CSP forbids them).
(function () {
  'use strict';
  function init(root) {
    root.querySelectorAll('[data-toggle-sidebar]').forEach(function (button) {
      button.addEventListener('click', function () {
        document.getElementById('sidebar').classList.toggle('open');
      });
    });
  }
  // Ask before destructive actions: <button data-confirm="…">.
  document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = submitter && submitter.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:afterSettle', function (event) { init(event.target); });
})();
