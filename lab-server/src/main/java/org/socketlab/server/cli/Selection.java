package org.socketlab.server.cli;

import java.util.List;

/**
 * Which cases a {@code run} takes: ids named on the command line, every case ({@code --all}), or those with a
 * tag ({@code --tag}); ids and tags add up, in the catalogue's order for tags and {@code --all}.
 *
 * @param caseIds the ids named, in order
 * @param all     {@code --all}
 * @param tags    the {@code --tag} values
 */
public record Selection(List<String> caseIds, boolean all, List<String> tags) {
    /** Copies the lists. */
    public Selection {
        caseIds = List.copyOf(caseIds);
        tags = List.copyOf(tags);
    }

    /** @return whether exactly one case was named, as the single-run forms of output expect */
    public boolean single() {
        return caseIds.size() == 1 && !all && tags.isEmpty();
    }

    /** @return whether nothing was selected at all */
    public boolean empty() {
        return caseIds.isEmpty() && !all && tags.isEmpty();
    }
}
