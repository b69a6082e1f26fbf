// AudioWorklet processor for voice answers: microphone samples → 16 kHz mono PCM16
// little-endian, in frames of `frameSamples` (100 ms = 1,600 samples = 3,200 bytes), posted to
// the page as transferable ArrayBuffers. Loaded with audioWorklet.addModule() from this
// same-origin file (a blob: module would be blocked by the Content-Security-Policy).
//
// The page asks for a 16 kHz AudioContext, so usually nothing needs resampling; browsers that
// refuse to connect a microphone to a 16 kHz context get a context at the device rate, and this
// processor averages down to 16 kHz (a box filter: crude, but speech above 8 kHz doesn't matter
// for the metrics or for transcription).
'use strict';

const TARGET_RATE = 16000;

class Pcm16Frames extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const opts = (options && options.processorOptions) || {};
    this.frameSamples = opts.frameSamples || 1600;
    this.ratio = sampleRate / TARGET_RATE; // `sampleRate` is the AudioWorkletGlobalScope's
    this.frame = new DataView(new ArrayBuffer(this.frameSamples * 2));
    this.filled = 0;
    this.acc = 0;
    this.accCount = 0;
    this.phase = 0;
    this.stopped = false;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') this.stopped = true;
    };
  }

  push(x) {
    const s = x > 1 ? 1 : x < -1 ? -1 : x;
    this.frame.setInt16(this.filled * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
    if (++this.filled === this.frameSamples) {
      const buffer = this.frame.buffer;
      this.port.postMessage(buffer, [buffer]);
      this.frame = new DataView(new ArrayBuffer(this.frameSamples * 2));
      this.filled = 0;
    }
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      if (this.ratio === 1) {
        for (let i = 0; i < channel.length; i++) this.push(channel[i]);
      } else {
        for (let i = 0; i < channel.length; i++) {
          this.acc += channel[i];
          this.accCount++;
          this.phase += 1;
          if (this.phase >= this.ratio) {
            this.phase -= this.ratio;
            this.push(this.acc / this.accCount);
            this.acc = 0;
            this.accCount = 0;
          }
        }
      }
    }
    // The node is connected to the destination (so the browser keeps calling process());
    // its output stays silent.
    return !this.stopped;
  }
}

registerProcessor('pcm16-frames', Pcm16Frames);
