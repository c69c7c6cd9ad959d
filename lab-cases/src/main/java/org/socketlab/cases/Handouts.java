package org.socketlab.cases;

/** The five handouts the built-in cases come from: the catalogue groups cases under these titles. */
public final class Handouts {
    /** Handout 000: three detective cases (missing message, port scanner, curl detective). */
    public static final String H000 = "Handout 000 · Socket Programming Training";
    /** Handout 001: Lab 4.1, Python socket programming basics. */
    public static final String H001 = "Handout 001 · Lab 4.1: Socket Programming Basics";
    /** Handout 002: raw HTTP GET requests and a simple server. */
    public static final String H002 = "Handout 002 · HTTP with Raw Sockets";
    /** Handout 003: socket basics, server push and a web server. */
    public static final String H003 = "Handout 003 · Socket Programming and a Web Server";
    /** Handout 004: TCP and UDP uppercase servers, and what goes wrong. */
    public static final String H004 = "Handout 004 · TCP and UDP Client/Server";

    private Handouts() {
    }
}
