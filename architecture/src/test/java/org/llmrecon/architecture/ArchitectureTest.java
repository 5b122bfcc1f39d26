package org.llmrecon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules the house keeps by test, over every module's main classes: no
 * module has a package cycle, and no module uses another module's private
 * packages (only core-api exports; a plugin, the launcher and the
 * benchmarks reach the runtime through the API and OSGi services).
 */
class ArchitectureTest {
    /** Each module's private packages, by the module that owns them. */
    private static final Map<String, String> PRIVATE = Map.of(
            "core-runtime", "org.llmrecon.runtime..",
            "provider-template", "org.llmrecon.provider.mock..",
            "provider-openai-sample", "org.llmrecon.provider.openai..",
            "provider-anthropic", "org.llmrecon.provider.anthropic..",
            "launcher", "org.llmrecon.launcher..",
            "gateway", "org.llmrecon.gateway..");

    private static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.llmrecon");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.llmrecon.api.plugin", "org.llmrecon.runtime.internal",
                "org.llmrecon.provider.mock", "org.llmrecon.provider.openai", "org.llmrecon.launcher",
                "org.llmrecon.gateway.internal",
                "org.llmrecon.bench"}) {
            if (!classes.containPackage(pkg)) {
                throw new AssertionError("no classes of " + pkg + " on the class path: the check would pass blind");
            }
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.llmrecon.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noModuleUsesAnotherModulesPrivatePackages() {
        // the launcher's embedding API (LlmRecon and its Builder) is public: programs and the benchmarks use it
        DescribedPredicate<JavaClass> embeddingApi = DescribedPredicate.describe("the embedding API",
                c -> c.getFullName().matches("org\\.llmrecon\\.launcher\\.LlmRecon(\\$Builder)?"));
        PRIVATE.forEach((module, packages) -> noClasses().that().resideOutsideOfPackage(packages)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(packages)
                        .and(DescribedPredicate.not(embeddingApi)))
                .as("classes outside " + module + " must not use its private packages " + packages)
                .check(classes));
    }
}
