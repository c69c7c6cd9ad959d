package org.socketlab.server.api;

import java.util.HashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.socketlab.server.plugins.Catalogue;

/**
 * The catalogue's JSON bodies, rendered once per catalogue: a catalogue never changes (a reload makes a
 * new one), so the case list and details are served as ready bytes instead of being re-encoded on every
 * request, the API's hottest paths.
 *
 * @param catalogue the catalogue they were rendered from
 * @param cases     the body of {@code GET /api/cases}
 * @param details   the body of {@code GET /api/cases/{id}} by id
 * @param plugins   the body of {@code GET /api/plugins}
 */
public record CatalogueJson(Catalogue catalogue, byte[] cases, Map<String, byte[]> details, byte[] plugins) {

    /** Copies the map. */
    public CatalogueJson {
        details = Map.copyOf(details);
    }

    /** @param catalogue the cases and plugins @return their JSON bodies */
    public static CatalogueJson render(Catalogue catalogue) {
        JsonArray cases = new JsonArray();
        Map<String, byte[]> details = new HashMap<>();
        catalogue.cases().forEach(c -> {
            cases.add(CaseJson.summary(c));
            details.put(c.id(), Json.bytes(CaseJson.detail(c)));
        });
        JsonObject list = new JsonObject();
        list.add("cases", cases);
        JsonArray plugins = new JsonArray();
        catalogue.plugins().forEach(p -> plugins.add(CaseJson.plugin(p)));
        JsonObject pluginList = new JsonObject();
        pluginList.add("plugins", plugins);
        return new CatalogueJson(catalogue, Json.bytes(list), Map.copyOf(details), Json.bytes(pluginList));
    }
}
