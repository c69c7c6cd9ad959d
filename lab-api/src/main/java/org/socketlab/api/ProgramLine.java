package org.socketlab.api;

/**
 * A line of a case's program, as an event names it.
 *
 * @param file the program's file name
 * @param line the line number, from 1
 */
record ProgramLine(String file, int line) {
}
