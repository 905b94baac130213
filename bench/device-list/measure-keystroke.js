/* global document, requestAnimationFrame, InputEvent */
// Injected into the page by the benchmark (page.addInitScript), never part of the app: changes the device search
// field as one keystroke would, and times the work and the frames it causes.

/** `typed` is one character, or `\b` for a Backspace. */
globalThis.measureKeystroke = async (typed) => {
  const input = document.querySelector('[data-testid="device-search"]');
  const table = document.querySelector('[data-testid="device-table"]');
  const count = document.querySelector('[data-testid="device-count"]');
  if (!input || !table || !count) throw new Error('the device list is not on screen');
  const erase = typed === '\b';
  const start = performance.now();
  input.value = erase ? input.value.slice(0, -1) : input.value + typed;
  input.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      inputType: erase ? 'deleteContentBackward' : 'insertText',
      data: erase ? null : typed,
    }),
  );
  // Vue re-renders in a microtask queued by the input handler: let it run, then force style and layout.
  for (let turn = 0; turn < 3; turn += 1) await Promise.resolve();
  void table.getBoundingClientRect().height;
  const workMs = performance.now() - start;
  // Two animation frames later the updated list has been painted.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { key: typed, workMs, frameMs: performance.now() - start, shown: Number(count.dataset.shown) };
};
