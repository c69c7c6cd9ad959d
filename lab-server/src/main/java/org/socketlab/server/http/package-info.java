/**
 * Socket Lab's own HTTP/1.1 server on {@code java.nio} channels, JDK only: selector loops read, parse and
 * answer what needs no waiting; worker threads take the requests that may block (see
 * {@link org.socketlab.server.http.NonBlockingHandler}).
 *
 * <p>Public: {@link org.socketlab.server.http.HttpServer} and its
 * {@link org.socketlab.server.http.HttpServerConfig}, the exchange types
 * ({@link org.socketlab.server.http.HttpRequest}, {@link org.socketlab.server.http.HttpResponse},
 * {@link org.socketlab.server.http.Headers}, {@link org.socketlab.server.http.Status},
 * {@link org.socketlab.server.http.HttpException}), and the handlers built on them
 * ({@link org.socketlab.server.http.Router}, {@link org.socketlab.server.http.StaticFiles},
 * {@link org.socketlab.server.http.NonBlockingHandler}).
 * Everything else is package-private: one small parser per wire element, the connection loops, the
 * workers' exchange and the response writer.
 *
 * <p>Protocol choices, each citing its RFC clause where it is made:
 * <ul>
 *   <li>Bare LF ends a line of the head (RFC 9112 §2.2 allows it), but never a chunk-size line or
 *       chunk data, where leniency is a request-smuggling vector; a bare CR is always refused.</li>
 *   <li>Transfer-Encoding together with Content-Length is refused with 400 (RFC 9112 §6.3), an
 *       unknown transfer coding with 501 (RFC 9112 §6.1).</li>
 *   <li>CONNECT and TRACE are answered 501, like methods the server does not know: it never
 *       tunnels nor reflects requests.</li>
 *   <li>Obsolete line folding, whitespace before a colon, a missing or repeated Host on HTTP/1.1
 *       are refused with 400 (RFC 9112 §5.1, §5.2, §3.2).</li>
 *   <li>A malformed or over-limit request is answered (400, 408, 413, 414, 431, 501, 505) and the
 *       connection closed; a handler failure becomes a 500 whose message reveals nothing; a
 *       failure after a streamed response began drops the connection.</li>
 * </ul>
 */
package org.socketlab.server.http;
