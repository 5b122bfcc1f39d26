package org.llmrecon.runtime.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameworkVersionTest {

    @Test
    void missingPartsAreZeroSoOneEqualsOneDotZeroEqualsOneDotZeroDotZero() {
        FrameworkVersion one = FrameworkVersion.parse("1");
        assertEquals(one, FrameworkVersion.parse("1.0"));
        assertEquals(one, FrameworkVersion.parse("1.0.0"));
        assertEquals(0, one.compareTo(FrameworkVersion.parse("1.0.0")));
        assertEquals(one.hashCode(), FrameworkVersion.parse("1.0.0").hashCode());
        assertEquals("1.0.0", one.toString());
    }

    @Test
    void readsTheParts() {
        FrameworkVersion v = FrameworkVersion.parse("2.10.3.rc-1");
        assertEquals(2, v.major());
        assertEquals(10, v.minor());
        assertEquals(3, v.micro());
        assertEquals("rc-1", v.qualifier());
        assertEquals("2.10.3-rc-1", v.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "1.0.0-SNAPSHOT, 1, 0, 0, SNAPSHOT",
        "1.0.0.SNAPSHOT, 1, 0, 0, SNAPSHOT",
        "1.0-SNAPSHOT,   1, 0, 0, SNAPSHOT",
        "3-beta,         3, 0, 0, beta",
        "2.1.0-rc.1+b.7, 2, 1, 0, rc.1+b.7",
        "1.2.3.4.5,      1, 2, 3, 4.5",
        "01.002.0003,    1, 2, 3, ''",
    })
    void acceptsQualifiersAfterADotOrADash(String text, int major, int minor, int micro, String qualifier) {
        FrameworkVersion v = FrameworkVersion.parse(text);
        assertEquals(major, v.major());
        assertEquals(minor, v.minor());
        assertEquals(micro, v.micro());
        assertEquals(qualifier, v.qualifier());
    }

    @Test
    void dotAndDashQualifiersAreTheSameVersion() {
        assertEquals(FrameworkVersion.parse("1.0.0.SNAPSHOT"), FrameworkVersion.parse("1.0.0-SNAPSHOT"));
    }

    @Test
    void ordersNumbersNumericallyAndQualifiedBeforeRelease() {
        assertTrue(FrameworkVersion.parse("1.9").compareTo(FrameworkVersion.parse("1.10")) < 0);
        assertTrue(FrameworkVersion.parse("0.9.9").compareTo(FrameworkVersion.parse("1")) < 0);
        assertTrue(FrameworkVersion.parse("1.0.0-SNAPSHOT").compareTo(FrameworkVersion.parse("1.0.0")) < 0);
        assertTrue(FrameworkVersion.parse("1.0.0").compareTo(FrameworkVersion.parse("1.0.0-SNAPSHOT")) > 0);
        assertTrue(FrameworkVersion.parse("1.0.0-alpha").compareTo(FrameworkVersion.parse("1.0.0-beta")) < 0);
        assertTrue(FrameworkVersion.parse("1.0.0-rc").compareTo(FrameworkVersion.parse("1.0.1-alpha")) < 0);
        assertNotEquals(FrameworkVersion.parse("1.0.0-SNAPSHOT"), FrameworkVersion.parse("1.0.0"));
    }

    @Test
    void withoutQualifierDropsOnlyTheQualifier() {
        assertEquals(FrameworkVersion.parse("1.2.3"), FrameworkVersion.parse("1.2.3-SNAPSHOT").withoutQualifier());
        FrameworkVersion plain = FrameworkVersion.parse("1.2.3");
        assertEquals(plain, plain.withoutQualifier());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x             | 'x' is not a valid version: major part 'x' is not a number",
        "v1.0          | 'v1.0' is not a valid version: major part 'v1' is not a number",
        "1.x           | '1.x' is not a valid version: minor part 'x' is not a number",
        "1.0.0b        | '1.0.0b' is not a valid version: micro part '0b' is not a number",
        "1..0          | '1..0' is not a valid version: minor part is empty",
        "1.            | '1.' is not a valid version: minor part is empty",
        ".1            | '.1' is not a valid version: major part is empty",
        "-1            | '-1' is not a valid version: major part is empty",
        "1.0.0.        | '1.0.0.' is not a valid version: qualifier after '.' is empty",
        "1.0-          | '1.0-' is not a valid version: qualifier after '-' is empty",
        "1.0.0-a b     | '1.0.0-a b' is not a valid version: qualifier 'a b' has illegal character ' ' (allowed: letters, digits, . _ - +)",
        "99999999999   | '99999999999' is not a valid version: major part '99999999999' is too large",
    })
    void rejectsMalformedVersionsSayingWhy(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameworkVersion.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsEmptyNullAndSurroundingWhitespace() {
        assertEquals("version is empty",
                assertThrows(IllegalArgumentException.class, () -> FrameworkVersion.parse("")).getMessage());
        assertEquals("version is empty",
                assertThrows(IllegalArgumentException.class, () -> FrameworkVersion.parse(null)).getMessage());
        assertEquals("' 1.0' is not a valid version: it has leading or trailing whitespace",
                assertThrows(IllegalArgumentException.class, () -> FrameworkVersion.parse(" 1.0")).getMessage());
        assertEquals("'1.0\\n' is not a valid version: it has leading or trailing whitespace",
                assertThrows(IllegalArgumentException.class, () -> FrameworkVersion.parse("1.0\n")).getMessage());
    }
}
