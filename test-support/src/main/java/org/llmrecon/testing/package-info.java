/**
 * Test-only support shared by every test that runs a framework: the core-runtime tests that start Felix
 * themselves and the Pax Exam ITs, which install this package as a bundle. Free of any test framework:
 * a failure is an {@link java.lang.AssertionError}, which JUnit 4 and 5 both report as one.
 */
@Version("1.0.0")
package org.llmrecon.testing;

import org.osgi.annotation.versioning.Version;
