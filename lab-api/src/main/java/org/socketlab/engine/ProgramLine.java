package org.socketlab.engine;

/**
 * A line of a case's program, as an event names it.
 *
 * @param file the program's file name
 * @param line the line number, from 1
 */
public record ProgramLine(String file, int line) {
}
