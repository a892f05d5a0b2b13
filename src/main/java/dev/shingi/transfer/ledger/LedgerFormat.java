package dev.shingi.transfer.ledger;

/**
 * The names of the JSON Lines format (docs/backup.md). A file is a header line, one line per event in log order, one
 * line per document those events name (version 2), and an end line that counts the events: a file cut short has no
 * end line and is refused on import.
 */
final class LedgerFormat {
    static final String FORMAT = "shingi-ledger";
    /** The version written. Version 2 added the document lines; version 1 files (without them) are still read. */
    static final int VERSION = 2;
    static final int FIRST_VERSION = 1;
    static final String MEDIA_TYPE = "application/x-ndjson";

    // header line
    static final String H_FORMAT = "format";
    static final String H_VERSION = "version";
    static final String H_EXPORTED_AT = "exportedAt";
    static final String H_SOURCE = "source";
    static final String H_DELIBERATION = "deliberation";
    static final String H_UP_TO = "upToPosition";
    static final String H_EVENTS = "events";

    // end line
    static final String END = "end";

    // event lines
    static final String POSITION = "position";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String RECORDED_AT = "recordedAt";
    static final String OCCURRED_AT = "occurredAt";
    static final String META_DATA = "metaData";
    static final String PAYLOAD = "payload";

    /** Where the events of a payload type must live: nothing else is loaded by name from an import file. */
    static final String EVENT_PACKAGE = "dev.shingi.deliberation.api.";

    private LedgerFormat() {
    }
}
