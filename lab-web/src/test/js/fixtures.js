// Hand-written transcript events (version 2) for the unit tests of the page's pure modules.

export const b64 = (text) => Buffer.from(text, 'latin1').toString('base64');

let clock = 0;
const at = () => (clock += 1);

export function tcp(actor, kind, local, remote, conn, extra = {}) {
  return { atMs: at(), actor, kind, protocol: 'tcp', local, remote, conn, ...extra };
}

export function send(actor, local, remote, conn, offset, text) {
  return tcp(actor, 'send', local, remote, conn, { offset, size: text.length, base64: b64(text) });
}

export function recv(actor, local, remote, conn, offset, requested, text) {
  return tcp(actor, 'recv', local, remote, conn, { offset, requested, size: text.length, base64: b64(text) });
}

export const A = '127.0.0.1:5000';
export const B = '127.0.0.1:6000';

/** Alice sends "HELLO WORLD" (11 bytes) to Bob, who reads it with recv(8) twice. */
export function helloWorld() {
  return [
    { atMs: at(), actor: 'Bob', kind: 'listen', protocol: 'tcp', local: B },
    tcp('Alice', 'connect', A, B, 1),
    tcp('Bob', 'accept', B, A, 1),
    send('Alice', A, B, 1, 0, 'HELLO WORLD'),
    recv('Bob', B, A, 1, 0, 8, 'HELLO WO'),
    recv('Bob', B, A, 1, 8, 8, 'RLD'),
    tcp('Alice', 'close', A, B, 1),
  ];
}
