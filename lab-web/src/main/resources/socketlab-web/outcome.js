// Words and symbols for outcomes, shared by the catalogue badges and the run banner,
// so an outcome is never told by colour alone.

const OUTCOMES = {
  passed: { icon: '✓', label: 'Passed' },
  failed: { icon: '✗', label: 'Failed' },
  error: { icon: '!', label: 'Error' },
};

/** {icon, label} for an outcome; unknown values are shown as they are. */
export function describeOutcome(outcome) {
  return OUTCOMES[outcome] ?? { icon: '?', label: String(outcome ?? 'unknown') };
}

/** A safe token for CSS classes and data attributes. */
export function outcomeKey(outcome) {
  return Object.hasOwn(OUTCOMES, outcome) ? outcome : 'unknown';
}
