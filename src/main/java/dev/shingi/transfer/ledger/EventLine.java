package dev.shingi.transfer.ledger;

import java.util.Arrays;

/** One event line of an export (docs/backup.md), its payload and metadata as byte ranges of the line. */
record EventLine(long position, String eventId, String aggregateType, String aggregateId, long sequence,
            String payloadType, String payloadRevision, String recordedAt, byte[] bytes, int payloadFrom,
            int payloadTo, int metaFrom, int metaTo) {
    byte[] payload() {
        return Arrays.copyOfRange(bytes, payloadFrom, payloadTo);
    }

    byte[] metaData() {
        return Arrays.copyOfRange(bytes, metaFrom, metaTo);
    }
}
