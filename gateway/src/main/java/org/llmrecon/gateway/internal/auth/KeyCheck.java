package org.llmrecon.gateway.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Matches the key a client sent against the configured ones, in time that
 * does not depend on where they differ. A match is named by its position, so
 * nothing downstream ever holds the key itself.
 */
final class KeyCheck {
    private final List<byte[]> keys;

    KeyCheck(List<String> openKeys) {
        this.keys = openKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean none() {
        return keys.isEmpty();
    }

    /** @param authorization the Authorization header, or {@code null} @return the matching key's number */
    Optional<Integer> match(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Integer found = null;
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(keys.get(i), given) && found == null) {
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }
}
