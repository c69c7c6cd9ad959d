// Work that the first screen of a page does not need, done when the browser is idle: after the
// page has been drawn and between the student's inputs, a slice at a time.

const NOW_MILLIS = 1000; // an idle callback still waiting after this long runs anyway

/** Calls fn(deadline) when the browser is idle (at the latest after `timeout` ms); returns a cancel function. */
export function whenIdle(fn, { timeout = NOW_MILLIS } = {}) {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => fn({ didTimeout: true, timeRemaining: () => 10 }), 1);
  return () => clearTimeout(id);
}
