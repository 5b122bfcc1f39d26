package org.llmrecon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules the house keeps by test, over every module's main classes: no
 * module has a package cycle, and no module uses another module's internal
 * packages (only core-api exports; a plugin, the launcher and the
 * benchmarks reach the runtime through the API and OSGi services). A
 * provider's own package is private to its bundle too (bnd exports nothing
 * of it), though a benchmark may create its plugin class directly as the
 * baseline a managed call is measured against.
 */
class ArchitectureTest {
    /** Each module's internal packages, by the module whose classes alone may use them. */
    private static final Map<String, String[]> INTERNAL = Map.of(
            "core-runtime", new String[] {"org.llmrecon.runtime..", "org.llmrecon.runtime.internal.."});

    private static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.llmrecon");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.llmrecon.api.plugin", "org.llmrecon.runtime.internal",
                "org.llmrecon.provider.mock", "org.llmrecon.provider.openai", "org.llmrecon.provider.anthropic",
                "org.llmrecon.launcher",
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
    void noModuleUsesAnotherModulesInternalPackages() {
        INTERNAL.forEach((module, packages) -> noClasses().that().resideOutsideOfPackage(packages[0])
                .should().dependOnClassesThat().resideInAPackage(packages[1])
                .as("classes outside " + module + " must not use its internal packages " + packages[1])
                .check(classes));
    }
}
