// Copies a JS string into wasm memory as UTF-8 in one call of the platform's encoder (the glue
// otherwise goes character by character, or encodes into a new array that is then copied).
const encoder = new TextEncoder();

// The bytes written at `at`, or -1 when `room` bytes were not enough for the whole string.
export function encodeInto(text, memory, at, room) {
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  return read === text.length ? written : -1;
}
