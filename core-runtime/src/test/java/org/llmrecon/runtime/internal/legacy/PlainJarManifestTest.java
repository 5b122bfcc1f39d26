package org.llmrecon.runtime.internal.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class PlainJarManifestTest {

    @Test
    void aPlainJarBecomesABundleImportingTheApi() {
        Manifest original = TestJars.manifest(Map.of("Implementation-Version", "1.2-SNAPSHOT",
                "Implementation-Title", "Echo", "LLMrecon-Legacy-Provider", "echo=com.example.Echo",
                "LLMrecon-Models", "echo-1, echo-2", "Export-Package", "com.example", "Bundle-Name", "Echo"));
        Attributes a = PlainJarManifest.of("echo-provider-1.2.jar", original).getMainAttributes();
        assertEquals("1.0", a.getValue("Manifest-Version"));
        assertEquals("2", a.getValue("Bundle-ManifestVersion"));
        assertEquals("legacy.echo-provider-1.2", a.getValue("Bundle-SymbolicName"));
        assertEquals("1.2.0.SNAPSHOT", a.getValue("Bundle-Version"));
        assertEquals(".", a.getValue("Bundle-ClassPath"));
        assertEquals("org.llmrecon.api.plugin;version=\"[1.0,2)\",org.llmrecon.api.provider;version=\"[1.0,2)\"",
                a.getValue("Import-Package"));
        assertEquals("*", a.getValue("DynamicImport-Package"));
        assertEquals("echo-provider-1.2.jar", a.getValue("LLMrecon-Wrapped-Jar"));
        assertEquals("echo=com.example.Echo", a.getValue("LLMrecon-Legacy-Provider"));
        assertEquals("echo-1, echo-2", a.getValue("LLMrecon-Models"));
        assertEquals("Echo", a.getValue("Implementation-Title"));
        assertNull(a.getValue("Export-Package"), "a plain jar exports nothing");
        assertNull(a.getValue("Bundle-Name"), "the name of a legacy provider is its type");
    }

    @Test
    void withoutManifestOrVersionTheBundleHasNoVersionHeader() {
        Attributes a = PlainJarManifest.of("x.jar", null).getMainAttributes();
        assertEquals("legacy.x", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Bundle-Version"));
        assertNull(PlainJarManifest.of("x.jar", TestJars.manifest(Map.of("Implementation-Version", "beta")))
                .getMainAttributes().getValue("Bundle-Version"));
    }

    @Test
    void symbolicNamesFromAwkwardFileNames() {
        assertEquals("legacy.my_provider__1_", PlainJarManifest.symbolicName("my provider (1).jar"));
        assertEquals("legacy.a.b", PlainJarManifest.symbolicName(".a..b..jar"));
        assertEquals("legacy.jar", PlainJarManifest.symbolicName(".jar"));
    }

    @Test
    void implementationVersionsAsOsgiVersions() {
        assertEquals("1.0.0", PlainJarManifest.version("1"));
        assertEquals("1.2.0", PlainJarManifest.version("1.2"));
        assertEquals("1.2.3", PlainJarManifest.version(" 1.2.3 "));
        assertEquals("1.2.3.RC1", PlainJarManifest.version("1.2.3-RC1"));
        assertEquals("1.2.3.b_7", PlainJarManifest.version("1.2.3.b+7"));
        assertEquals("2024.1.0.beta_2", PlainJarManifest.version("2024.1-beta 2"));
        assertNull(PlainJarManifest.version("v1"));
        assertNull(PlainJarManifest.version("99999999999"));
        assertNull(PlainJarManifest.version(null));
    }
}
