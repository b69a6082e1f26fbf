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

// Drafts survive a reload: what is typed in the answer box is kept in this tab's
// sessionStorage, per question, until the question is answered. Text that came back because
// another tab had answered the question first is carried over to the next empty answer box.
const DRAFT = 'rehearse:draft:';
const CARRY = 'rehearse:carry';
function currentQuestionId() {
  const input = document.querySelector('#answer-form input[name=question_id]');
  return input ? input.value : null;
}
function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: drafts are simply not kept
  }
}
document.addEventListener('input', (event) => {
  const store = storage();
  const id = currentQuestionId();
  if (!store || !id || !(event.target instanceof HTMLTextAreaElement) || event.target.id !== 'answer') return;
  if (event.target.value.trim()) store.setItem(DRAFT + id, event.target.value);
  else store.removeItem(DRAFT + id);
});
function restoreDraft() {
  const store = storage();
  if (!store) return;
  // Handed back while the next question is still being written: keep it for that question's box.
  const handedBack = document.getElementById('answer-draft');
  if (handedBack instanceof HTMLTextAreaElement && handedBack.value.trim()) store.setItem(CARRY, handedBack.value);
  const id = currentQuestionId();
  // Drafts of questions no longer on screen were answered: forget them.
  for (let i = store.length - 1; i >= 0; i--) {
    const key = store.key(i);
    if (key && key.startsWith(DRAFT) && key !== DRAFT + id) store.removeItem(key);
  }
  const box = document.getElementById('answer');
  if (!id || !(box instanceof HTMLTextAreaElement) || box.value.trim()) return;
  const text = store.getItem(DRAFT + id) || store.getItem(CARRY);
  if (!text) return;
  box.value = text;
  store.removeItem(CARRY);
  store.setItem(DRAFT + id, text);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restoreDraft);
else restoreDraft();
document.addEventListener('htmx:afterSwap', restoreDraft);

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

// "Print or save as PDF" on the feedback page prints the page as it is: the sections that are
// open (by default the summary, strengths, weaknesses and CV tips: a few pages). "Print
// everything" opens every section for the print and closes them again afterwards. The buttons
// are hidden until this script can handle them (window.print is looked up at click time, so
// tests can stand in for the dialog).
let openedForPrint = [];
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('#print, #print-all') : null;
  if (!target) return;
  event.preventDefault();
  if (target.id === 'print-all') {
    openedForPrint = [...document.querySelectorAll('details:not([open])')];
    for (const d of openedForPrint) d.open = true;
  }
  window.print();
});
window.addEventListener('afterprint', () => {
  for (const d of openedForPrint) d.open = false;
  openedForPrint = [];
});
function revealPrintButtons() {
  for (const id of ['print', 'print-all']) {
    const button = document.getElementById(id);
    if (button) button.hidden = false;
  }
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', revealPrintButtons);
else revealPrintButtons();

// A link to something inside a closed section ("Question 7" in the top fixes, a CV tip's
// requirement) opens the sections around it, and an answer's own detail, then scrolls to it
// and moves the keyboard focus there.
function revealFragment(hash) {
  if (!hash || hash.length < 2) return;
  let target = null;
  try {
    target = document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return;
  }
  if (!target) return;
  for (let el = target.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  const own = target.querySelector(':scope > details');
  if (own instanceof HTMLDetailsElement) own.open = true;
  target.scrollIntoView({ block: 'start' });
  if (target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
}
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  if (!link || link.classList.contains('skip-link')) return;
  const hash = link.getAttribute('href');
  // Let the browser update the address (and history) first, then open what the link points at.
  setTimeout(() => revealFragment(hash), 0);
});
window.addEventListener('hashchange', () => revealFragment(location.hash));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => revealFragment(location.hash));
else revealFragment(location.hash);

// After htmx swaps in a scored retry (or the form with an error), move the focus to what
// changed so keyboard and screen-reader users hear it.
document.addEventListener('htmx:afterSwap', (event) => {
  const swapped = event.detail && event.detail.target;
  if (!swapped || swapped.id !== 'retry') return;
  const target = document.getElementById('error') || document.getElementById('retry-change');
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
});
