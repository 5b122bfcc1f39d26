package org.llmrecon.runtime.internal.secrets;

import java.nio.file.Path;

/** Secret boxes for tests in other packages. */
public final class SecretBoxes {
    private SecretBoxes() {
    }

    /** @param folder a folder of the test's @return a box whose key file lies in it */
    public static SecretBox in(Path folder) {
        return at(folder.resolve("test.key"));
    }

    /** @param keyFile a key file, which may not exist @return a box using it */
    public static SecretBox at(Path keyFile) {
        return new SecretBox(keyFile);
    }
}
