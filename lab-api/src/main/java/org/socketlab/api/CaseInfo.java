package org.socketlab.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a case is, as the catalogue shows it.
 *
 * @param id          unique, lowercase kebab-case ({@code missing-message}); used in URLs and on the command line
 * @param title       a short title ("The Missing Message Mystery")
 * @param summary     one sentence for the catalogue
 * @param tags        lowercase keywords to filter by ({@code tcp}, {@code udp}, {@code http}, …); may be empty
 * @param source      where the exercise comes from, e.g. the handout and the task ("Handout 000, Task 1")
 * @param group       the heading the catalogue lists the case under, e.g. the handout's title
 * @param description the scenario, what to look for and what to try, as Markdown; shown escaped (raw
 *                    HTML in it is shown as text, never interpreted)
 * @param programs    the programs the case's actors run, as the handout gives them, in the order a page
 *                    should show them; may be empty (since 1.1)
 */
public record CaseInfo(String id, String title, String summary, List<String> tags, String source, String group,
                       String description, List<Program> programs) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Ids longer than this are refused: they end up in URLs, file names and log lines. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * Validates and copies the values.
     *
     * @param id unique, lowercase kebab-case ({@code missing-message}); used in URLs and on the command line
     * @param title a short title ("The Missing Message Mystery")
     * @param summary one sentence for the catalogue
     * @param tags lowercase keywords to filter by ({@code tcp}, {@code udp}, {@code http}, …); may be empty
     * @param source where the exercise comes from, e.g. the handout and the task ("Handout 000, Task 1")
     * @param group the heading the catalogue lists the case under, e.g. the handout's title
     * @param description the scenario, what to look for and what to try, as Markdown; shown escaped (raw HTML in
     * it is shown as text, never interpreted)
     * @param programs the programs the case's actors run, as the handout gives them, in the order a page should
     *        show them; may be empty (since 1.1)
     * @throws IllegalArgumentException when the id is not lowercase kebab-case, or a text is blank
     */
    public CaseInfo {
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "case id '" + id + "' must be lowercase kebab-case (a-z, 0-9 and single dashes), at most "
                            + MAX_ID_LENGTH + " characters");
        }
        title = requireText(title, "title", id);
        summary = requireText(summary, "summary", id);
        source = requireText(source, "source", id);
        group = group == null || group.isBlank() ? "Other cases" : group;
        description = description == null ? "" : description;
        tags = List.copyOf(tags == null ? List.of() : tags);
        programs = List.copyOf(programs == null ? List.of() : programs);
        Set<String> files = new HashSet<>();
        for (Program program : programs) {
            if (!files.add(program.file())) {
                throw new IllegalArgumentException("case '" + id + "' declares program " + program.file() + " twice");
            }
        }
    }

    /**
     * The metadata of lab-api 1.0, without programs: kept so that plugins built against 1.0 still link.
     *
     * @param id          lowercase kebab-case id
     * @param title       the short title
     * @param summary     one sentence for the catalogue
     * @param tags        keywords; may be empty
     * @param source      where the exercise comes from
     * @param group       the catalogue heading
     * @param description the scenario as Markdown
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public CaseInfo(String id, String title, String summary, List<String> tags, String source, String group,
                    String description) {
        this(id, title, summary, tags, source, group, description, List.of());
    }

    /**
     * The program of this file name.
     *
     * @param file a file name, as {@link Program#file()}
     * @return the program, or empty when the case declares none by that name
     * @since 1.1
     */
    public Optional<Program> program(String file) {
        return programs.stream().filter(p -> p.file().equals(file)).findFirst();
    }

    private static String requireText(String value, String field, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("case '" + id + "' needs a " + field);
        }
        return value;
    }

    /**
     * Starts building the metadata of the case with this id.
     *
     * @param id lowercase kebab-case id
     * @return a builder; {@link Builder#build()} validates
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link CaseInfo} one field at a time; not thread-safe. */
    public static final class Builder {
        private final String id;
        private String title;
        private String summary;
        private final List<String> tags = new ArrayList<>();
        private String source;
        private String group;
        private String description = "";
        private final List<Program> programs = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * @param title the short title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * @param summary one sentence for the catalogue
         * @return this builder
         */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * @param tags keywords to add
         * @return this builder
         */
        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /**
         * @param source where the exercise comes from
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param group the catalogue heading
         * @return this builder
         */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /**
         * @param markdown the scenario as Markdown
         * @return this builder
         */
        public Builder description(String markdown) {
            this.description = markdown;
            return this;
        }

        /**
         * Adds programs that the case's actors run, shown in this order.
         *
         * @param programs the programs
         * @return this builder
         * @since 1.1
         */
        public Builder programs(Program... programs) {
            this.programs.addAll(List.of(programs));
            return this;
        }

        /**
         * @return the validated metadata
         * @throws IllegalArgumentException as {@link CaseInfo#CaseInfo} does
         */
        public CaseInfo build() {
            return new CaseInfo(id, title, summary, tags, source, group, description, programs);
        }
    }
}
