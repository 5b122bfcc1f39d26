package org.llmrecon.provider.anthropic;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The bundle's one JSON mapper; answers are bounded in size before they reach it. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private Json() {
    }
}
