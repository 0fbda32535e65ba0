// tdkt: small progressive enhancements. Loaded as a file (no inline scripts: the CSP forbids them).
(function () {
  'use strict';
  function init(root) {
    syncShownWhen(root);
    root.querySelectorAll('[data-toggle-sidebar]').forEach(function (button) {
      button.addEventListener('click', function () {
        document.getElementById('sidebar').classList.toggle('open');
      });
    });
  }
  // A field group shown only while a radio choice is on: <fieldset data-shown-when="radio-id">.
  function syncShownWhen(root) {
    root.querySelectorAll('[data-shown-when]').forEach(function (group) {
      var radio = document.getElementById(group.getAttribute('data-shown-when'));
      group.hidden = !!radio && !radio.checked;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target && event.target.type === 'radio') syncShownWhen(document);
  });
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
