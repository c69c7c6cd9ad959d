package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * A plugin's build copies the manifest line it declares from the lab-api jar it compiles against
 * ({@code META-INF/socketlab-plugin.mf}), so the line must be this lab-api's own version.
 */
class PluginManifestTest {
    @Test
    void the_manifest_fragment_a_plugin_copies_declares_this_lab_api_version() throws IOException {
        try (InputStream in = LabApi.class.getResourceAsStream("/META-INF/socketlab-plugin.mf")) {
            assertNotNull(in, "lab-api ships META-INF/socketlab-plugin.mf");
            Manifest manifest = new Manifest(in);
            assertEquals(LabApi.VERSION, manifest.getMainAttributes().getValue("SocketLab-Api-Version"));
        }
    }
}
