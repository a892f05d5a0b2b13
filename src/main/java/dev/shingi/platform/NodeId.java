package dev.shingi.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** The id under which this node claims processor segments, as it appears in {@code TokenEntry.owner}. */
public record NodeId(String value) {

    static NodeId of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new NodeId(configured.strip());
        }
        return new NodeId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 4));
    }

    @Override
    public String toString() {
        return value;
    }
}
