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

// The interview section is swapped whole (after an answer, by htmx; when the interviewer has
// written the next question, by the event stream). When a new question arrives, bring the top
// of the section ("Question N of 8" and the start of the question) into view — after an answer
// the page was scrolled down to the form, and on a phone the question was left above the
// screen — and move the keyboard focus to the question's heading, so a screen reader reads it
// (the answer box is labelled by it too). The answer box is not focused: on a phone that opens
// the keyboard over the question. A refused answer focuses its message instead.
let shownQuestionId = null;
function swappedElement(event) {
  const target = event.detail && event.detail.target;
  return target instanceof Element ? target : event.target instanceof Element ? event.target : null;
}
document.addEventListener('htmx:afterSwap', (event) => {
  const swapped = swappedElement(event);
  if (!swapped || swapped.id !== 'interview') return;
  const section = document.getElementById('interview');
  const id = currentQuestionId();
  const error = section && section.querySelector('#error');
  const fromSetting = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt && event.detail.requestConfig.elt.id === 'score-setting';
  if (error) {
    error.focus();
  } else if (fromSetting) {
    document.getElementById('show-scores-toggle')?.focus();
  } else if (id && id !== shownQuestionId && section) {
    const top = section.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) section.scrollIntoView({ block: 'start' });
    document.getElementById('question')?.focus({ preventScroll: true });
  }
  shownQuestionId = id;
});
function rememberShownQuestion() {
  shownQuestionId = currentQuestionId();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', rememberShownQuestion);
else rememberShownQuestion();

// After an upload (CV or job description) the section is swapped; the focus would fall back
// to the top of the page. Move it to what the upload produced — the confirmation ("CV read:
// 358 words") or the message saying what was wrong — so it is read out and the keyboard
// carries on from there.
document.addEventListener('htmx:afterSwap', (event) => {
  const swapped = swappedElement(event);
  if (!swapped || (swapped.id !== 'cv-section' && swapped.id !== 'job-section')) return;
  const section = document.getElementById(swapped.id);
  const target = section && (section.querySelector('#error') || section.querySelector('.upload-status'));
  if (target) target.focus();
});

// Waits that are not htmx requests (a form that loads the next page: "Start interview",
// "Delete"): the form's indicator shows and its button is disabled once it is sent, so a
// second press does not send it again. The page that follows replaces all of it; coming back
// with the browser's Back button shows the form as it was.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented || !form.dataset.indicator) return;
  const indicator = document.getElementById(form.dataset.indicator);
  if (indicator) indicator.classList.add('is-busy');
  form.setAttribute('aria-busy', 'true');
  // After the submission has started, so the pressed button still counts as the submitter.
  setTimeout(() => {
    for (const button of form.querySelectorAll('button[type=submit]')) button.disabled = true;
  }, 0);
});
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  for (const form of document.querySelectorAll('form[data-indicator]')) {
    form.removeAttribute('aria-busy');
    for (const button of form.querySelectorAll('button[type=submit]')) button.disabled = false;
    document.getElementById(form.dataset.indicator)?.classList.remove('is-busy');
  }
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

// On a phone the main question above a follow-up is cut to three lines (app.css); a tap shows it all.
document.addEventListener('click', (event) => {
  const main = event.target instanceof Element ? event.target.closest('.main-question') : null;
  if (main) main.classList.toggle('unclamped');
});
