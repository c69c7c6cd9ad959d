package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** JSON Schema 2020-12 validation for tests, through networknt's validator. */
public final class JsonSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    /** @return the meta-schema of JSON Schema 2020-12, which the validator ships */
    public static Schema metaSchema2020() {
        return REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    /** @param schemaJson a schema's text @return the compiled schema */
    public static Schema schema(String schemaJson) {
        return REGISTRY.getSchema(schemaJson, InputFormat.JSON);
    }

    /**
     * @param schema   the schema
     * @param json     the instance's text
     * @return the problems found, empty when it is valid
     */
    public static List<String> problems(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /**
     * Fails with every problem when {@code json} does not match {@code schema}.
     *
     * @param schema the schema
     * @param json   the instance's text
     * @param what   what the instance is, for the failure message
     */
    public static void assertValid(Schema schema, String json, String what) {
        List<String> problems = problems(schema, json);
        if (!problems.isEmpty()) {
            String shown = json.length() > 2000 ? json.substring(0, 2000) + "..." : json;
            fail(what + " does not match its schema:\n  " + String.join("\n  ", problems) + "\n" + shown);
        }
    }
}
