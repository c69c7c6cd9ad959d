import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whenIdle } from '../../main/resources/socketlab-web/idle.js';

// Node has no requestIdleCallback: the fallback, a timer, is what runs here.
test('the work runs later, with a deadline, and not at all once cancelled', { timeout: 5000 }, async () => {
  const ran = [];
  // Timers of the same delay fire in the order they were set: the cancelled one would run first.
  const cancel = whenIdle(() => ran.push('cancelled'));
  const kept = new Promise((resolve) => whenIdle((deadline) => { ran.push('kept'); resolve(deadline); }));
  cancel();
  assert.deepEqual(ran, [], 'nothing runs in the calling task');
  const deadline = await kept;
  assert.deepEqual(ran, ['kept']);
  assert.ok(deadline.timeRemaining() > 0);
});
