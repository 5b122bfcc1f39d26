package org.llmrecon.runtime.internal.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSigner;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a jar is trusted: signed (every entry verified) by a
 * signer whose certificate path contains a certificate of the trust store,
 * or listed by SHA-256 in the allow file. A jar's signature is read once per
 * file version (size and modification time); the allow file on every check;
 * the jar's hash only when an allow file is configured or the reason is read.
 */
final class TrustChecker {
    private final TrustAnchors anchors;
    private final AllowList allow;
    /** Per jar, its size and modification time (not a record: its first equals costs start-up a bootstrap) and signature. */
    private final Map<Path, Map.Entry<long[], JarSignature>> signatures = new ConcurrentHashMap<>();

    TrustChecker(TrustAnchors anchors, AllowList allow) {
        this.anchors = anchors;
        this.allow = allow;
    }

    /** @param jar a plugin jar @return whether it is trusted and, if not, why */
    Verdict check(Path jar) {
        try {
            return check(signature(jar.toAbsolutePath().normalize()));
        } catch (IOException | UncheckedIOException e) {
            return Verdict.refused(Verdict.UNTRUSTED, jar + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private Verdict check(JarSignature signature) {
        for (CodeSigner s : signature.signers()) {
            if (anchors.trusts(s.getSignerCertPath().getCertificates())) {
                return Verdict.TRUSTED;
            }
        }
        if (allow.allows(signature::sha256)) {
            return Verdict.TRUSTED;
        }
        if (signature.broken() != null) {
            return Verdict.refused(Verdict.UNTRUSTED, "signature does not verify (" + signature.broken() + ")");
        }
        if (signature.unsigned()) {
            return Verdict.refused(Verdict.UNSIGNED, () -> {
                try {
                    return allow.notAllowed(signature.sha256());
                } catch (UncheckedIOException e) {
                    return e.getMessage();
                }
            });
        }
        return Verdict.refused(Verdict.UNTRUSTED,
                anchors.notTrusted(signature.signers().get(0).getSignerCertPath().getCertificates().get(0)));
    }

    private JarSignature signature(Path jar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
        long[] stamp = {a.size(), a.lastModifiedTime().toMillis()};
        Map.Entry<long[], JarSignature> known = signatures.get(jar);
        if (known != null && Arrays.equals(known.getKey(), stamp)) {
            return known.getValue();
        }
        JarSignature s = JarSignature.of(jar);
        signatures.put(jar, Map.entry(stamp, s));
        return s;
    }
}
