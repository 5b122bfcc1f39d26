/** The watched folders: File Install configurations for plugin jars and configuration files. */
package org.llmrecon.runtime.internal.folders;
