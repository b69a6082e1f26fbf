// "Read questions aloud" (issue 14): the browser's speech synthesis reads each new question
// and follow-up when it appears, so a candidate can answer hands- and eyes-free. Opt-in; the
// choice, the voice and the speed are remembered in this browser (localStorage). Hidden where
// the browser has no voices. Stops as soon as recording starts (recorder.js sends
// `rehearse:recording-start`). The interview swaps in each new question with htmx (a plain
// swap after an answer, or the event stream's `done`), so new questions are noticed on
// `htmx:afterSwap` / `htmx:load`, once per question id. No inline handlers (CSP).
'use strict';

(() => {
  const KEY = 'rehearse.readAloud';
  const synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return;

  let settings = load();
  /** The question id last read (or skipped because reading was off), so each is read once. */
  let lastSeen = null;

  function load() {
    const defaults = { on: false, voice: '', rate: 1 };
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) || '{}');
      return { ...defaults, ...(saved && typeof saved === 'object' ? saved : {}) };
    } catch {
      return defaults;
    }
  }

  function save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(settings));
    } catch {
      /* private mode: not remembered */
    }
  }

  const voices = () => {
    try {
      return synth.getVoices() || [];
    } catch {
      return [];
    }
  };

  /** The question on the page: its id (the form's question_id), text and a spoken heading. */
  function shownQuestion() {
    const heading = document.getElementById('question');
    if (!heading) return null;
    const idInput = document.querySelector('#answer-form input[name=question_id]');
    const text = heading.textContent.trim();
    const number = heading.getAttribute('data-question-number');
    const lead = heading.getAttribute('data-kind') === 'follow_up' ? 'Follow-up.' : number ? `Question ${number}.` : '';
    return { id: (idInput && idInput.value) || text, text: `${lead} ${text}`.trim() };
  }

  function speak(text) {
    if (!text) return;
    synth.cancel();
    const utterance = new window.SpeechSynthesisUtterance(text);
    const voice = voices().find((v) => v.voiceURI === settings.voice || v.name === settings.voice);
    if (voice) {
      try {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      } catch {
        /* a voice the engine no longer has: its default */
      }
    }
    utterance.rate = Number(settings.rate) || 1;
    utterance.onerror = (event) => {
      // Chrome refuses to speak before the person has interacted with the page (a fresh load).
      if (event && event.error === 'not-allowed') hint('Press “Replay question” to hear it: the browser waits for a click before it speaks.');
    };
    synth.speak(utterance);
  }

  function hint(text) {
    const root = document.querySelector('[data-read-aloud]');
    if (!root) return;
    let note = root.querySelector('.read-aloud-hint');
    if (!note) {
      note = document.createElement('span');
      note.className = 'read-aloud-hint hint';
      note.setAttribute('role', 'status');
      root.appendChild(note);
    }
    note.textContent = text;
  }

  /** Reads the question on the page if it is new (or always, `force`: the Replay button). */
  function readQuestion(force) {
    const question = shownQuestion();
    if (!question) return;
    if (!force && question.id === lastSeen) return;
    lastSeen = question.id;
    if (force || settings.on) speak(question.text);
  }

  function fillVoices(select) {
    const list = voices();
    const current = settings.voice;
    select.replaceChildren(
      ...list.map((v) => {
        const option = document.createElement('option');
        option.value = v.voiceURI || v.name;
        option.textContent = `${v.name} (${v.lang})${v.default ? ' — default' : ''}`;
        option.selected = option.value === current || (!current && v.default);
        return option;
      }),
    );
  }

  function init(root) {
    if (root.dataset.readAloudReady) return;
    const show = () => {
      if (voices().length === 0) return false;
      root.dataset.readAloudReady = '1';
      root.hidden = false;
      const on = root.querySelector('[data-read-aloud-on]');
      const voice = root.querySelector('[data-read-aloud-voice]');
      const rate = root.querySelector('[data-read-aloud-rate]');
      on.checked = !!settings.on;
      fillVoices(voice);
      const wanted = String(settings.rate);
      if ([...rate.options].some((o) => o.value === wanted)) rate.value = wanted;
      return true;
    };
    if (!show()) {
      // Voices load asynchronously in some browsers; none at all: stays hidden.
      synth.addEventListener('voiceschanged', function again() {
        if (show()) synth.removeEventListener('voiceschanged', again);
      });
    }
  }

  function initAll(scope) {
    if (!scope || !scope.querySelectorAll) return;
    if (scope.matches && scope.matches('[data-read-aloud]')) init(scope);
    scope.querySelectorAll('[data-read-aloud]').forEach(init);
  }

  document.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest('[data-read-aloud]')) return;
    if (target.matches('[data-read-aloud-on]')) {
      settings.on = target.checked;
      save();
      if (settings.on) readQuestion(true);
      else synth.cancel();
    } else if (target.matches('[data-read-aloud-voice]')) {
      settings.voice = target.value;
      save();
    } else if (target.matches('[data-read-aloud-rate]')) {
      settings.rate = Number(target.value) || 1;
      save();
    }
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('[data-read-aloud-replay]')) {
      event.preventDefault();
      readQuestion(true);
    }
  });

  document.addEventListener('rehearse:recording-start', () => synth.cancel());

  // A new question or follow-up swapped in (after an answer, or the event stream's `done`).
  document.addEventListener('htmx:afterSwap', () => readQuestion(false));
  document.addEventListener('htmx:load', (event) => {
    initAll(event.detail && event.detail.elt);
    readQuestion(false);
  });
  const ready = () => {
    initAll(document);
    readQuestion(false);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
