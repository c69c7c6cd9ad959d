// Loading and failure states, shared by every view so they look and read the same.

import { h } from './dom.js';

/** "Loading…" with a spinner; announced politely to screen readers. */
export function renderLoading(text) {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { text }));
}

/** A failure message (data-testid="error-message") with an optional Retry button. */
export function renderError(message, { title = 'Something went wrong', retry = null, extra = null } = {}) {
  return h('div', { class: 'alert alert-error', role: 'alert' },
    h('p', { class: 'alert-title' }, h('span', { 'aria-hidden': 'true', text: '⚠ ' }), title),
    h('p', { 'data-testid': 'error-message', class: 'error-text', text: message }),
    extra,
    retry ? h('p', {}, h('button', { type: 'button', class: 'button', on: { click: retry } }, 'Try again')) : null);
}
