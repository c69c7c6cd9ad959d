package org.socketlab.server.http;

/**
 * A handler that never blocks: it answers from memory (a cached page file, rendered JSON, an error)
 * without waiting on I/O, a lock held for long, or case and plugin code. The server calls it on its
 * connection loop, where one blocked call would hold up every connection of the loop, so a handler that
 * cannot promise this must be a plain {@link Handler}, which runs on a worker thread.
 */
@FunctionalInterface
public interface NonBlockingHandler extends Handler {

    /** Answers here, on the loop. */
    @Override
    default HttpResponse handleWithoutBlocking(HttpRequest request) throws Exception {
        return handle(request);
    }
}
