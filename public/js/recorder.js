// Voice answers: records the microphone, streams 16 kHz PCM16 frames over a WebSocket to
// /session/:id/audio, shows live level / speaking state / speaking time, and adds each
// utterance's transcript to the answer box as it arrives (after anything already typed, never
// replacing it), and the recording's id to the form. Before the first recording in an
// interview it asks for consent (stored by POST /session/:id/voice-consent); consent can be
// withdrawn from the same place. Protocol: src/speech/README.md.
//
// Everything is event delegation on `document`, so it keeps working when htmx swaps in the
// next question. No inline handlers or styles (CSP). Without this file the form works as before.
'use strict';

(() => {
  const FRAME_SAMPLES = 1600; // 100 ms at 16 kHz
  const MAX_QUEUED_FRAMES = 50; // audio kept while the socket opens (5 s)
  const FINAL_TIMEOUT_MS = 25000;

  /** The recording in progress (one at a time per page). */
  let active = null;

  const canRecord = () =>
    !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.AudioWorkletNode && window.WebSocket && window.AudioContext);

  function parts(root) {
    const q = (name) => root.querySelector(`[data-recorder-${name}]`);
    return {
      root,
      start: q('start'),
      stop: q('stop'),
      autosend: q('autosend'),
      live: q('live'),
      level: q('level'),
      state: q('state'),
      elapsed: q('elapsed'),
      captions: q('captions'),
      status: q('status'),
      consent: q('consent'),
      consentRaw: q('consent-raw'),
      consentLine: q('consent-line'),
      form: root.closest('form'),
    };
  }

  const csrfToken = () => {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') || '' : '';
  };

  /** POSTs a small form the way htmx would (the server answers 204). */
  async function postForm(url, fields) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrfToken(), 'HX-Request': 'true' },
      body: new URLSearchParams(fields).toString(),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  }

  /**
   * Adds captions to the answer box as they arrive. What was typed before stays first; while
   * the candidate leaves the end of the box alone, the transcript there grows (and is put in
   * order if utterances come back out of order); once they edit it, only new words are added.
   */
  class CaptionWriter {
    constructor(textarea) {
      this.textarea = textarea;
      this.tail = null; // the text we last wrote at the end of the box
      this.full = ''; // the whole transcript as we last saw it
    }

    update(full) {
      const box = this.textarea;
      const text = (full || '').trim();
      if (!box || !text || text === this.full) return;
      const value = box.value;
      if (this.tail === null) {
        const typed = value.replace(/\s+$/, '');
        box.value = typed ? `${typed}\n\n${text}` : text;
        this.tail = text;
      } else if (value.endsWith(this.tail)) {
        box.value = value.slice(0, value.length - this.tail.length) + text;
        this.tail = text;
      } else {
        // Edited meanwhile: add only what is new, after what is there now.
        const extra = text.startsWith(this.full) ? text.slice(this.full.length).trim() : text;
        if (extra) box.value = `${value.replace(/\s+$/, '')} ${extra}`;
        this.tail = extra || this.tail;
      }
      this.full = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  function setStatus(ui, text, kind) {
    ui.status.textContent = text;
    ui.status.dataset.kind = kind || 'info';
  }

  function init(root) {
    if (root.dataset.recorderReady) return;
    root.dataset.recorderReady = '1';
    root.hidden = false;
    const ui = parts(root);
    if (!canRecord()) {
      ui.start.disabled = true;
      setStatus(
        ui,
        window.isSecureContext === false
          ? 'Recording needs a secure connection (HTTPS, or localhost). You can type your answer.'
          : 'This browser cannot record audio here. You can type your answer.',
        'error',
      );
    }
  }

  function initAll(scope) {
    if (!scope || !scope.querySelectorAll) return;
    if (scope.matches && scope.matches('[data-recorder]')) init(scope);
    scope.querySelectorAll('[data-recorder]').forEach(init);
  }

  const clock = (seconds) => {
    const s = Math.max(0, Math.round(seconds || 0));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };

  function micError(error) {
    const name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return 'Microphone access was blocked. Allow it in your browser’s site settings to record, or type your answer.';
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Connect one to record, or type your answer.';
    if (name === 'NotReadableError') return 'The microphone is in use by another app or could not be opened. Close the other app, or type your answer.';
    return 'The microphone could not be started. You can type your answer.';
  }

  class Recording {
    constructor(ui, stream) {
      this.ui = ui;
      this.stream = stream;
      this.queue = [];
      this.started = false;
      this.stopping = false;
      this.done = false;
      this.socketReady = false;
      this.recordingId = null;
      this.finalTimer = null;
      const textarea = ui.form && ui.form.querySelector('textarea[name=answer]');
      this.writer = new CaptionWriter(textarea);
    }

    async begin() {
      const { ui } = this;
      const sessionId = ui.root.dataset.sessionId;
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      this.ws = new WebSocket(`${scheme}//${location.host}/session/${encodeURIComponent(sessionId)}/audio`);
      this.ws.binaryType = 'arraybuffer';
      this.ws.addEventListener('open', () => {
        this.ws.send(JSON.stringify({ type: 'start' }));
        this.socketReady = true;
        for (const frame of this.queue.splice(0)) this.ws.send(frame);
        if (this.stopping) this.ws.send(JSON.stringify({ type: 'stop' }));
      });
      this.ws.addEventListener('message', (event) => this.onMessage(event));
      this.ws.addEventListener('close', (event) => this.onClose(event));

      await this.startAudio();
      if (this.done) {
        // The connection was refused while the microphone started.
        this.stopAudio();
        return;
      }
      ui.start.hidden = true;
      ui.stop.hidden = false;
      ui.live.hidden = false;
      ui.stop.focus();
      setStatus(ui, 'Recording… press “Stop recording” when you have finished.');
      ui.root.dataset.recording = 'true';
    }

    async startAudio() {
      const constraints = { sampleRate: 16000 };
      try {
        this.context = new AudioContext(constraints);
        await this.context.audioWorklet.addModule('/public/js/pcm-worklet.js');
        this.source = this.context.createMediaStreamSource(this.stream);
      } catch (error) {
        // Some browsers can't feed a microphone into a 16 kHz context: use the device rate and
        // let the worklet resample.
        if (this.context) this.context.close().catch(() => undefined);
        this.context = new AudioContext();
        await this.context.audioWorklet.addModule('/public/js/pcm-worklet.js');
        this.source = this.context.createMediaStreamSource(this.stream);
      }
      this.node = new AudioWorkletNode(this.context, 'pcm16-frames', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        processorOptions: { frameSamples: FRAME_SAMPLES },
      });
      this.node.port.onmessage = (event) => this.onFrame(event.data);
      this.source.connect(this.node);
      // Connected to the destination so the browser keeps running the processor (it outputs silence).
      this.node.connect(this.context.destination);
      if (this.context.state === 'suspended') await this.context.resume();
    }

    onFrame(buffer) {
      if (this.stopping || this.done) return;
      if (this.socketReady && this.ws.readyState === WebSocket.OPEN) this.ws.send(buffer);
      else if (this.queue.length < MAX_QUEUED_FRAMES) this.queue.push(buffer);
    }

    onMessage(event) {
      if (typeof event.data !== 'string') return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      const { ui } = this;
      switch (message.type) {
        case 'ready':
          this.recordingId = message.recordingId;
          this.setRecordingId(message.recordingId);
          break;
        case 'metrics':
          ui.level.value = Math.max(-60, Math.min(0, message.levelDb));
          ui.level.textContent = `${Math.round(message.levelDb)} dBFS`;
          ui.state.textContent = message.speaking ? 'Speaking' : 'Silent';
          ui.state.dataset.speaking = String(!!message.speaking);
          ui.elapsed.textContent = clock(message.speakingSeconds);
          ui.root.dataset.speakingSeconds = String(message.speakingSeconds);
          ui.root.dataset.metrics = String(Number(ui.root.dataset.metrics || 0) + 1);
          break;
        case 'transcript':
          ui.captions.hidden = false;
          ui.captions.textContent = message.text.length > 240 ? `…${message.text.slice(-240)}` : message.text;
          // Live: each utterance lands in the answer box a moment after the pause that ended it.
          this.writer.update(message.text);
          break;
        case 'notice':
          setStatus(ui, message.message, 'warning');
          break;
        case 'final':
          this.finish(message);
          break;
      }
    }

    setRecordingId(id) {
      const input = this.ui.form && this.ui.form.querySelector('input[name=recording_id]');
      if (input) input.value = id;
    }

    /** Stops the microphone; the server is told to finish and answers with `final`. */
    stop() {
      if (this.stopping || this.done) return;
      this.stopping = true;
      this.stopAudio();
      const { ui } = this;
      ui.stop.disabled = true;
      setStatus(ui, 'Finishing the recording…');
      if (this.socketReady && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'stop' }));
      this.finalTimer = setTimeout(() => this.finish(null), FINAL_TIMEOUT_MS);
    }

    stopAudio() {
      try {
        this.node && this.node.port.postMessage('stop');
        this.source && this.source.disconnect();
        this.node && this.node.disconnect();
      } catch {
        /* already disconnected */
      }
      this.stream.getTracks().forEach((t) => t.stop());
      if (this.context && this.context.state !== 'closed') this.context.close().catch(() => undefined);
    }

    /** The recording is over: fill in the transcript (never replacing what was typed). */
    finish(final) {
      if (this.done) return;
      this.done = true;
      clearTimeout(this.finalTimer);
      this.stopAudio();
      if (active === this) active = null;
      const { ui } = this;
      if (!ui.root.isConnected) return;
      ui.root.dataset.recording = 'false';
      ui.stop.hidden = true;
      ui.stop.disabled = false;
      ui.start.hidden = false;
      ui.start.disabled = false;
      const textarea = ui.form && ui.form.querySelector('textarea[name=answer]');
      const transcript = final && typeof final.transcript === 'string' ? final.transcript.trim() : '';
      // Usually all there already (live captions); the last utterance may only come with `final`.
      if (transcript) this.writer.update(transcript);
      if (final && final.recordingId) this.setRecordingId(final.recordingId);
      const spoken = final && final.summary ? clock(final.summary.speakingSeconds) : null;
      if (final) {
        ui.root.dataset.final = 'true';
        setStatus(
          ui,
          transcript
            ? `Recorded ${spoken} of speaking. Your words are in the box: check them, then send your answer.`
            : `Recorded ${spoken} of speaking. Type your answer (or its key points) in the box, then send it: the delivery measurements go with it.`,
        );
      } else {
        setStatus(ui, 'The recording ended without a final result. What was received is kept; type or check your answer, then send it.', 'warning');
      }
      if (textarea) textarea.focus();
      const autosend = ui.autosend && ui.autosend.checked;
      if (autosend && textarea && textarea.value.trim() && ui.form) ui.form.requestSubmit();
    }

    onClose(event) {
      if (this.done) return;
      if (this.stopping && event.code === 1000) return this.finish(null);
      // Closed before `final`: say why. What was received stays on the server for this answer.
      const reason = event.reason ? `: ${event.reason}` : '';
      this.stopAudio();
      this.done = true;
      if (active === this) active = null;
      const { ui } = this;
      if (!ui.root.isConnected) return;
      ui.root.dataset.recording = 'false';
      ui.stop.hidden = true;
      ui.start.hidden = false;
      ui.start.disabled = false;
      setStatus(
        ui,
        this.recordingId
          ? `The recording stopped${reason}. What was recorded so far is kept with your answer; you can type the rest.`
          : 'Could not connect the recording to the server. Reload the page and try again, or type your answer.',
        'error',
      );
    }

    /** The form is going away (next question swapped in): stop quietly. */
    abandon() {
      this.stop();
      this.done = true;
      clearTimeout(this.finalTimer);
      if (active === this) active = null;
    }
  }

  /** Shows the consent step (before the first recording in an interview). */
  function askConsent(ui) {
    if (!ui.consent) return;
    ui.consent.hidden = false;
    setStatus(ui, 'Read what is measured and stored, then agree to start recording.');
    const agree = ui.consent.querySelector('[data-recorder-consent-agree]');
    if (agree) agree.focus();
  }

  async function giveConsent(root) {
    const ui = parts(root);
    const agree = ui.consent && ui.consent.querySelector('[data-recorder-consent-agree]');
    if (agree) agree.disabled = true;
    try {
      const fields = ui.consentRaw && ui.consentRaw.checked ? { raw_audio: 'on' } : {};
      await postForm(`/session/${encodeURIComponent(root.dataset.sessionId)}/voice-consent`, fields);
    } catch {
      setStatus(ui, 'Your consent could not be saved. Check your connection and try again, or type your answer.', 'error');
      return;
    } finally {
      if (agree) agree.disabled = false;
    }
    root.dataset.consent = 'given';
    ui.consent.hidden = true;
    if (ui.consentLine) ui.consentLine.hidden = false;
    start(root);
  }

  async function withdrawConsent(root) {
    const ui = parts(root);
    if (!window.confirm('Withdraw your consent? This deletes this interview’s recordings, transcripts and delivery measurements. Your typed text stays.')) return;
    if (active && active.ui.root === root) active.abandon();
    try {
      await postForm(`/session/${encodeURIComponent(root.dataset.sessionId)}/voice-consent/withdraw`, {});
    } catch {
      setStatus(ui, 'Your consent could not be withdrawn just now. Try again, or use the link on the feedback page.', 'error');
      return;
    }
    root.dataset.consent = 'needed';
    if (ui.consentLine) ui.consentLine.hidden = true;
    const input = ui.form && ui.form.querySelector('input[name=recording_id]');
    if (input) input.value = '';
    setStatus(ui, 'Consent withdrawn: this interview’s recordings, transcripts and delivery measurements are deleted. Recording asks for consent again.');
  }

  async function start(root) {
    if (active || !canRecord()) return;
    const ui = parts(root);
    if (root.dataset.consent !== 'given') return askConsent(ui);
    // A question being read aloud stops: the candidate is answering now.
    document.dispatchEvent(new CustomEvent('rehearse:recording-start'));
    ui.start.disabled = true;
    ui.captions.hidden = true;
    ui.captions.textContent = '';
    delete ui.root.dataset.final;
    setStatus(ui, 'Asking for the microphone…');
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
      });
    } catch (error) {
      ui.start.disabled = false;
      setStatus(ui, micError(error), 'error');
      return;
    }
    const recording = new Recording(ui, stream);
    active = recording;
    try {
      await recording.begin();
    } catch (error) {
      recording.stopAudio();
      recording.done = true;
      if (recording.ws) recording.ws.close();
      active = null;
      ui.start.disabled = false;
      setStatus(ui, 'Recording could not start in this browser. You can type your answer.', 'error');
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const startButton = target.closest('[data-recorder-start]');
    if (startButton) {
      event.preventDefault();
      start(startButton.closest('[data-recorder]'));
      return;
    }
    if (target.closest('[data-recorder-stop]') && active) {
      event.preventDefault();
      active.stop();
      return;
    }
    const root = target.closest('[data-recorder]');
    if (!root) return;
    if (target.closest('[data-recorder-consent-agree]')) {
      event.preventDefault();
      giveConsent(root);
    } else if (target.closest('[data-recorder-consent-cancel]')) {
      event.preventDefault();
      const ui = parts(root);
      ui.consent.hidden = true;
      setStatus(ui, 'Not recording. You can type your answer.');
      ui.start.focus();
    } else if (target.closest('[data-recorder-consent-withdraw]')) {
      event.preventDefault();
      withdrawConsent(root);
    }
  });

  // Sending the form while recording: stop (the server attaches what it has so far).
  document.addEventListener(
    'submit',
    (event) => {
      if (active && event.target instanceof HTMLFormElement && event.target.contains(active.ui.root)) active.stop();
    },
    true,
  );

  document.addEventListener('htmx:beforeSwap', (event) => {
    const target = event.detail && event.detail.target;
    if (active && target && target.contains(active.ui.root)) active.abandon();
  });

  document.addEventListener('htmx:load', (event) => initAll(event.detail && event.detail.elt));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => initAll(document));
  else initAll(document);
})();
