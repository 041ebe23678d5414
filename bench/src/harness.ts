// Timing loop: warm up, size a batch so one sample outlasts the timer's resolution, then take samples until both
// the minimum time and the minimum number of samples are reached (or the time cap). Never asserts anything.

export interface MeasureOptions {
  minMs: number; // keep sampling at least this long...
  minRuns: number; // ...and at least this many samples,
  maxMs: number; // but stop after this long once there are 3 samples
  batchMs: number; // one sample lasts at least this long (calls are batched)
  warmupMs: number;
}
export const DEFAULTS: MeasureOptions = { minMs: 200, minRuns: 20, maxMs: 4000, batchMs: 1, warmupMs: 100 };

export interface Measurement { us: number; p25: number; p75: number; runs: number; batch: number }

let sink: unknown; // keeps results alive so nothing is optimised away
export const lastSink = () => sink;

export function measure(fn: () => unknown, o: MeasureOptions = DEFAULTS): Measurement {
  const now = () => performance.now();
  const t0 = now();
  let calls = 0;
  while (calls < 2 || now() - t0 < o.warmupMs) { sink = fn(); calls++; if (now() - t0 > o.maxMs / 4) break; }
  // batch size from the warm-up's mean, then grown until one batch lasts at least half of batchMs
  let batch = Math.max(1, Math.floor((o.batchMs * calls) / (now() - t0)));
  for (;;) {
    const a = now();
    for (let i = 0; i < batch; i++) sink = fn();
    const el = now() - a;
    if (el >= o.batchMs / 2 || el > o.maxMs / 4) break;
    batch = el > 0 ? Math.ceil((batch * o.batchMs) / el) : batch * 2;
  }
  const samples: number[] = [];
  const start = now();
  while (samples.length < o.minRuns || now() - start < o.minMs) {
    const a = now();
    for (let i = 0; i < batch; i++) sink = fn();
    samples.push(((now() - a) * 1000) / batch);
    if (now() - start > o.maxMs && samples.length >= 3) break;
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { us: median(samples), p25: q(0.25), p75: q(0.75), runs: samples.length, batch };
}

const median = (s: number[]) => (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
