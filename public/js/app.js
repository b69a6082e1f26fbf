// Small progressive enhancements. Everything works without this file.
'use strict';

// Ctrl/Cmd+Enter sends the answer form (the textarea would otherwise just add a newline).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement) || !target.form) return;
  event.preventDefault();
  target.form.requestSubmit();
});

// After htmx swaps in a new question, put the keyboard focus in the answer box so the
// candidate can start typing at once (and screen readers hear the new question).
document.addEventListener('htmx:afterSwap', (event) => {
  const swapped = event.detail && event.detail.target;
  if (!swapped || swapped.id !== 'interview') return;
  const error = document.getElementById('error');
  const answer = document.getElementById('answer');
  if (error) error.focus?.();
  if (answer) answer.focus({ preventScroll: false });
});

// Warn before leaving a page with an unsent answer.
let dirty = false;
document.addEventListener('input', (event) => {
  if (event.target instanceof HTMLTextAreaElement && event.target.name === 'answer') dirty = event.target.value.trim() !== '';
});
document.addEventListener('submit', () => {
  dirty = false;
});
window.addEventListener('beforeunload', (event) => {
  if (dirty) event.preventDefault();
});

// Errors the server could not show in place (expired form, too many attempts, server error)
// arrive in the page's message area (#flash); move the focus there so they are noticed.
document.addEventListener('htmx:afterSwap', (event) => {
  const swapped = event.detail && event.detail.target;
  if (!swapped || swapped.id !== 'flash') return;
  const error = swapped.querySelector('#error');
  if (error) error.focus?.();
});
