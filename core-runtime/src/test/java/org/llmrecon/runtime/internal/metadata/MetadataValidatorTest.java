package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmrecon.api.plugin.PluginMetadata;
import org.llmrecon.api.plugin.PluginValidator;

class MetadataValidatorTest {

    private final PluginValidator validator = new MetadataValidator();

    @Test
    void theSeedsExampleIsValidOnThisFramework() throws Exception {
        PluginMetadata seed;
        try (InputStream in = getClass().getResourceAsStream("custom-provider.metadata.json")) {
            seed = MetadataJson.parse(in, "custom-provider.metadata.json");
        }
        assertEquals(List.of(), validator.validate(seed, "1.0.0"));
    }

    @Test
    void nameMustBeGivenNotBlankShortAndFreeOfControlCharacters() {
        assertEquals(List.of("plugin has no name"), problems(valid().name(null)));
        assertEquals(List.of("plugin has no name"), problems(valid().name("")));
        assertEquals(List.of("plugin name '  ' is blank"), problems(valid().name("  ")));
        assertEquals(List.of(), problems(valid().name("n".repeat(128))));
        assertEquals(List.of("plugin name '" + "n".repeat(100) + "...' is 129 characters long, over the 128-character limit"),
                problems(valid().name("n".repeat(129))));
        assertEquals(List.of("plugin name 'a\\nb' contains control character U+000A"), problems(valid().name("a\nb")));
        assertEquals(List.of("plugin name 'bell\\u0007' contains control character U+0007"),
                problems(valid().name("bell\u0007")));
        assertEquals(List.of(), problems(valid().name("Fournisseur « spécial » 🚀")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "openai",
        "azure-openai",
        "a",
        "0",
        "my_provider.v2",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01",
    })
    void acceptsProviderTypes(String type) {
        assertEquals(List.of(), problems(valid().providerType(type)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OpenAI       | plugin 'P' provider type 'OpenAI' must start with a-z or 0-9, not 'O'",
        "openAI       | plugin 'P' provider type 'openAI' has illegal character 'A' at position 5 (allowed: a-z 0-9 . _ -)",
        "'my type'    | plugin 'P' provider type 'my type' has illegal character ' ' at position 3 (allowed: a-z 0-9 . _ -)",
        "-x           | plugin 'P' provider type '-x' must start with a-z or 0-9, not '-'",
        ".x           | plugin 'P' provider type '.x' must start with a-z or 0-9, not '.'",
        "a/b          | plugin 'P' provider type 'a/b' has illegal character '/' at position 2 (allowed: a-z 0-9 . _ -)",
        "caf\u00e9    | plugin 'P' provider type 'caf\u00e9' has illegal character '\u00e9' at position 4 (allowed: a-z 0-9 . _ -)",
    })
    void rejectsProviderTypesSayingWhatIsWrong(String type, String message) {
        assertEquals(List.of(message), problems(valid().providerType(type)));
    }

    @Test
    void rejectsAMissingOrTooLongProviderType() {
        assertEquals(List.of("plugin 'P' has no provider type"), problems(valid().providerType(null)));
        assertEquals(List.of("plugin 'P' has no provider type"), problems(valid().providerType("")));
        assertEquals(List.of("plugin 'P' provider type '" + "a".repeat(65) + "' is 65 characters long, over the"
                + " 64-character limit"), problems(valid().providerType("a".repeat(65))));
        assertEquals(List.of("plugin 'P' provider type 'a\\tb' has illegal character '\\t' at position 2"
                + " (allowed: a-z 0-9 . _ -)"), problems(valid().providerType("a\tb")));
    }

    @Test
    void pluginVersionMustBeGivenAndValid() {
        assertEquals(List.of("plugin 'P' has no version"), problems(valid().version(null)));
        assertEquals(List.of("plugin 'P' has no version"), problems(valid().version("")));
        assertEquals(List.of("plugin 'P' version 'one' is not a valid version: major part 'one' is not a number"),
                problems(valid().version("one")));
        assertEquals(List.of(), problems(valid().version("1.0.0.SNAPSHOT")));
        assertEquals(List.of(), problems(valid().version("3")));
    }

    @Test
    void noRangeMeansAnyFrameworkVersion() {
        assertEquals(List.of(), problems(valid().minFrameworkVersion(null).maxFrameworkVersion(null), "0.0.1"));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("").maxFrameworkVersion(""), "99.0.0"));
    }

    @Test
    void maxIsCheckedWithoutMin() {
        assertEquals(List.of("plugin 'P' requires framework version <= 0.9.9, running 1.0.0"),
                problems(valid().maxFrameworkVersion("0.9.9")));
        assertEquals(List.of(), problems(valid().maxFrameworkVersion("1.0.0")));
    }

    @Test
    void minAloneIsChecked() {
        assertEquals(List.of("plugin 'P' requires framework version >= 1.0.1, running 1.0.0"),
                problems(valid().minFrameworkVersion("1.0.1")));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0")));
    }

    @Test
    void rangeIsInclusiveAtBothEnds() {
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0").maxFrameworkVersion("1.0.0")));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("0.9").maxFrameworkVersion("1.0.0"), "0.9.0"));
    }

    @Test
    void runningJustOutsideEitherEndIsRejectedNamingPluginRangeAndRunningVersion() {
        PluginMetadata.Builder ranged = valid().minFrameworkVersion("1.0.0").maxFrameworkVersion("1.2.0");
        assertEquals(List.of("plugin 'P' requires framework version >= 1.0.0 and <= 1.2.0, running 0.9.99"),
                problems(ranged, "0.9.99"));
        assertEquals(List.of("plugin 'P' requires framework version >= 1.0.0 and <= 1.2.0, running 1.2.1"),
                problems(ranged, "1.2.1"));
        assertEquals(List.of(), problems(ranged, "1.2.0"));
        assertEquals(List.of(), problems(ranged, "1.0.0"));
    }

    @Test
    void oneEqualsOneDotZeroEqualsOneDotZeroDotZero() {
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1").maxFrameworkVersion("1.0"), "1.0.0"));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0").maxFrameworkVersion("1.0.0"), "1"));
        assertEquals(List.of("plugin 'P' requires framework version <= 1, running 1.0.1"),
                problems(valid().maxFrameworkVersion("1"), "1.0.1"));
    }

    @Test
    void qualifiersAreIgnoredInRangeChecks() {
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0").maxFrameworkVersion("1.0.0"),
                "1.0.0-SNAPSHOT"));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0-beta").maxFrameworkVersion("1.0.0.alpha"),
                "1.0.0"));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0.zzz").maxFrameworkVersion("1.0.0-aaa"),
                "1.0.0.SNAPSHOT"));
        assertEquals(List.of("plugin 'P' requires framework version >= 1.0.1-SNAPSHOT, running 1.0.0.RELEASE"),
                problems(valid().minFrameworkVersion("1.0.1-SNAPSHOT"), "1.0.0.RELEASE"));
    }

    @Test
    void malformedMinOrMaxIsAnErrorNeverDefaulted() {
        assertEquals(List.of("plugin 'P' min framework version '1.x' is not a valid version: minor part 'x' is not a number"),
                problems(valid().minFrameworkVersion("1.x")));
        assertEquals(List.of("plugin 'P' max framework version 'latest' is not a valid version: major part 'latest'"
                + " is not a number"), problems(valid().maxFrameworkVersion("latest")));
        assertEquals(List.of("plugin 'P' min framework version ' ' is not a valid version: it has leading or trailing"
                + " whitespace"), problems(valid().minFrameworkVersion(" ")));
        assertEquals(List.of(
                "plugin 'P' min framework version 'a' is not a valid version: major part 'a' is not a number",
                "plugin 'P' max framework version 'b' is not a valid version: major part 'b' is not a number"),
                problems(valid().minFrameworkVersion("a").maxFrameworkVersion("b")));
    }

    @Test
    void malformedOrUnknownRunningVersionIsAnError() {
        assertEquals(List.of("running framework version '1.0.0 beta' is not a valid version: micro part '0 beta'"
                + " is not a number"), problems(valid(), "1.0.0 beta"));
        assertEquals(List.of("running framework version is not known, so plugin 'P' cannot be checked against it"),
                problems(valid(), null));
        assertEquals(List.of("running framework version is not known, so plugin 'P' cannot be checked against it"),
                problems(valid(), ""));
    }

    @Test
    void minGreaterThanMaxIsAnError() {
        assertEquals(List.of("plugin 'P' min framework version 2.0 is greater than its max framework version 1.9.9"),
                problems(valid().minFrameworkVersion("2.0").maxFrameworkVersion("1.9.9")));
        assertEquals(List.of(), problems(valid().minFrameworkVersion("1.0.0-beta").maxFrameworkVersion("1")));
    }

    @Test
    void minGreaterThanMaxIsReportedEvenWhenTheRunningVersionIsMalformed() {
        assertEquals(List.of("plugin 'P' min framework version 3 is greater than its max framework version 2",
                "running framework version 'x' is not a valid version: major part 'x' is not a number"),
                problems(valid().minFrameworkVersion("3").maxFrameworkVersion("2"), "x"));
    }

    @Test
    void aMalformedEndMakesTheRangeUnusableSoOnlyItIsReported() {
        assertEquals(List.of("plugin 'P' max framework version '2.x' is not a valid version: minor part 'x' is not a"
                + " number"), problems(valid().minFrameworkVersion("1.0.1").maxFrameworkVersion("2.x")));
    }

    @Test
    void blankModelsAndTagsAreRejected() {
        assertEquals(List.of("plugin 'P' supported model 2 is blank", "plugin 'P' tag 1 is blank"),
                problems(valid().supportedModels(List.of("m", " ")).tags(List.of("", "t"))));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertEquals(List.of("plugin has no name", "plugin has no provider type", "plugin has no version"),
                validator.validate(PluginMetadata.EMPTY, "1.0.0"));
        assertEquals(List.of("plugin has no name", "plugin has no provider type", "plugin has no version"),
                validator.validate(null, "1.0.0"));
    }

    private static PluginMetadata.Builder valid() {
        return PluginMetadata.builder().name("P").version("1.0.0").providerType("p");
    }

    private List<String> problems(PluginMetadata.Builder metadata) {
        return problems(metadata, "1.0.0");
    }

    private List<String> problems(PluginMetadata.Builder metadata, String running) {
        return validator.validate(metadata.build(), running);
    }
}
