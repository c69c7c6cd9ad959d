package org.socketlab.server.cli;

/**
 * One {@code --param}: {@code NAME=VALUE} for every selected case that declares NAME, or
 * {@code CASE.NAME=VALUE} for one case.
 *
 * @param caseId the case it is for, or {@code null} for every case that declares the name
 * @param name   the parameter
 * @param value  the value as typed
 */
public record ParamAssignment(String caseId, String name, String value) {

    /**
     * @param text what followed {@code --param}
     * @return the assignment
     * @throws UsageException if it is not {@code [CASE.]NAME=VALUE}
     */
    public static ParamAssignment parse(String text) throws UsageException {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--param takes NAME=VALUE or CASE.NAME=VALUE, e.g. --param bufferSize=1024; got '"
                    + text + "'");
        }
        String key = text.substring(0, equals);
        String value = text.substring(equals + 1);
        // Case ids are kebab-case and parameter names camelCase: neither has a dot, so the dot is unambiguous.
        int dot = key.indexOf('.');
        if (dot < 0) {
            return new ParamAssignment(null, key, value);
        }
        if (dot == 0 || dot == key.length() - 1 || key.indexOf('.', dot + 1) >= 0) {
            throw new UsageException("--param takes NAME=VALUE or CASE.NAME=VALUE; got '" + text + "'");
        }
        return new ParamAssignment(key.substring(0, dot), key.substring(dot + 1), value);
    }

    /** @return the assignment as it was typed */
    public String text() {
        return (caseId == null ? "" : caseId + ".") + name + "=" + value;
    }
}
