/**
 * The plugin trust policy (off, warn, enforce): checks a plugin's jar for a
 * verified signature by a certificate in the trust store, or its SHA-256 in
 * the allow file, and in enforce mode keeps an untrusted plugin bundle from
 * resolving, so none of its code runs. Nothing here is exported.
 */
package org.llmrecon.runtime.internal.trust;
