package org.llmrecon.runtime.internal.trust;

import org.llmrecon.api.runtime.RuntimeProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The certificates of the trust store (PKCS12 or JKS, detected from the
 * file): every trusted certificate entry and every certificate of a key
 * entry's chain. The password is used to open the store and then dropped.
 */
final class TrustAnchors {
    private final Path store;
    private final Set<Certificate> certificates;
    private final String problem;

    private TrustAnchors(Path store, Set<Certificate> certificates, String problem) {
        this.store = store;
        this.certificates = certificates;
        this.problem = problem;
    }

    /**
     * @param store the trust store, or {@code null} when none is configured
     * @param password its password, or {@code null}
     * @return the anchors; a store that cannot be read trusts nobody and says why
     */
    static TrustAnchors load(Path store, char[] password) {
        if (store == null) {
            return new TrustAnchors(null, Set.of(), null);
        }
        try {
            KeyStore ks = KeyStore.getInstance(store.toFile(), password);
            Set<Certificate> certs = new HashSet<>();
            for (String alias : Collections.list(ks.aliases())) {
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain != null) {
                    certs.addAll(List.of(chain));
                }
                Certificate c = ks.getCertificate(alias);
                if (c != null) {
                    certs.add(c);
                }
            }
            return new TrustAnchors(store, Set.copyOf(certs), null);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return new TrustAnchors(store, Set.of(), "trust store " + store + " cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** @return why the configured store trusts nobody, or {@code null} */
    String problem() {
        return problem;
    }

    /** @param chain a signer's certificate path @return whether any of its certificates is in the store */
    boolean trusts(List<? extends Certificate> chain) {
        return chain.stream().anyMatch(certificates::contains);
    }

    /** @param signer the first certificate of a signer's path @return why that signer is not trusted */
    String notTrusted(Certificate signer) {
        String who = signer instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : "an unknown signer";
        if (store == null) {
            return "signed by " + who + ", and no trust store is configured (" + RuntimeProperties.TRUST_STORE + ")";
        }
        return "signed by " + who + ", which is not in the trust store " + store
                + (problem == null ? "" : ": " + problem);
    }
}
