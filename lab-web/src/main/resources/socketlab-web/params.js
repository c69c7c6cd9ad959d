// The parameter form: one field per case parameter, built from its type, and the
// mapping between field values, the JSON sent to the API and the URL query that
// reopens the case with the same values (#/cases/ID?bufferSize=1024&readUntilClosed=false).

import { h } from './dom.js';

/** The field for one parameter: {param, element, input, read(), set(value), raw()}. */
export function buildField(param, initial) {
  const name = String(param.name);
  const id = `param-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const helpId = `${id}-help`;
  const common = { id, name, 'data-testid': `param-${name}`, 'aria-describedby': helpId };
  let input;
  switch (param.type) {
    case 'int':
      input = h('input', { ...common, type: 'number', inputmode: 'numeric', step: 1, min: num(param.min), max: num(param.max), autocomplete: 'off' });
      break;
    case 'boolean':
      input = h('input', { ...common, type: 'checkbox', role: 'switch' });
      // A switch flips on Enter as on Space (WAI-ARIA switch pattern); without this Enter
      // would submit the form with the old value.
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        input.click();
      });
      break;
    case 'choice':
      input = h('select', common, (param.choices ?? []).map((c) => h('option', { value: String(c), text: String(c) })));
      break;
    default:
      input = h('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' });
  }

  const field = {
    param,
    input,
    set(value) {
      if (param.type === 'boolean') input.checked = value === true;
      else input.value = value === undefined || value === null ? '' : String(value);
    },
    /** The value as the text the URL carries (no validation: the URL follows what is typed). */
    raw() {
      return param.type === 'boolean' ? String(input.checked) : input.value;
    },
    /** {value} to send, or {error} when the field cannot be turned into a value at all. */
    read() {
      if (param.type === 'boolean') return { value: input.checked };
      if (param.type === 'int') {
        if (input.validity.badInput || input.value.trim() === '') return { error: `parameter '${name}': enter a whole number` };
        // Range and integrality are the server's call: it answers with its own message.
        return { value: Number(input.value) };
      }
      return { value: input.value };
    },
  };
  field.set(initial === undefined ? param.default : initial);

  const hint = [typeLabel(param), param.default !== undefined && param.default !== null ? `default ${JSON.stringify(param.default)}` : null].filter(Boolean).join(' · ');
  const help = h('div', { class: 'field-help', id: helpId },
    param.description ? h('p', { text: param.description }) : null,
    h('p', { class: 'field-hint', text: hint }));
  const label = h('label', { for: id, class: 'field-label' }, h('code', { text: name }));
  field.element = param.type === 'boolean'
    ? h('div', { class: 'field field-boolean' }, h('div', { class: 'switch-row' }, input, label), help)
    : h('div', { class: 'field' }, label, input, help);
  return field;
}

function num(x) {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function typeLabel(param) {
  if (param.type === 'int') {
    const min = num(param.min);
    const max = num(param.max);
    if (min !== null && max !== null) return `whole number, ${min}–${max}`;
    if (min !== null) return `whole number ≥ ${min}`;
    if (max !== null) return `whole number ≤ ${max}`;
    return 'whole number';
  }
  if (param.type === 'boolean') return 'on / off';
  if (param.type === 'choice') return 'one of the list';
  return 'text';
}

/** A value from the URL query for a parameter, or undefined to keep the default. */
export function parseQueryValue(param, raw) {
  if (raw === null || raw === undefined) return undefined;
  switch (param.type) {
    case 'int': return /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw; // a bad value is shown and then reported
    case 'boolean': return raw === 'true' || raw === '1' || raw === 'on' ? true : raw === 'false' || raw === '0' || raw === 'off' ? false : undefined;
    case 'choice': return (param.choices ?? []).map(String).includes(raw) ? raw : undefined;
    default: return raw;
  }
}

/** "bufferSize=1024&ports=22,80" — commas, colons and slashes stay readable. */
export function toQuery(pairs) {
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

function encode(text) {
  return encodeURIComponent(String(text)).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}
