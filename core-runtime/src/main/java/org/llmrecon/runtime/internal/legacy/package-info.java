/** Legacy plugins (a provider type and a constructor) and plain jars, adapted to plugin services. */
package org.llmrecon.runtime.internal.legacy;
