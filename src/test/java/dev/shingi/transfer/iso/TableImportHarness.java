package dev.shingi.transfer.iso;

import org.axonframework.messaging.MetaData;
import org.springframework.context.ApplicationContext;

/**
 * The table import as the benchmark (dev.shingi.bench.TableImportBenchmark) drives it, without HTTP: the importer
 * is package-private, so this test-side door lives in its package. Not a test.
 */
public final class TableImportHarness {
    private TableImportHarness() {
    }

    /** What one import did: rows read, comments recorded, responses recorded. */
    public record Result(int rows, int comments, int responses) {
    }

    /** Imports the file (CSV, XLSX or Markdown by its name) into version 1, its dates in UTC, as the signed-in user. */
    public static Result importTable(ApplicationContext app, String deliberationId, byte[] bytes, String fileName) {
        IsoImport.Upload upload = IsoController.upload(bytes, fileName, null);
        IsoImport.Imported done = app.getBean(IsoImport.class).importTable(deliberationId,
                new IsoImport.Options(1, "UTC", null), upload, MetaData.emptyInstance());
        return new Result(done.rowsRead(), done.comments().size(), done.responses());
    }

    /** The file read into rows alone, as the import's first stage does (Sheet, MarkdownTable): the rows found. */
    public static int parse(byte[] bytes, String fileName) {
        IsoImport.Upload upload = IsoController.upload(bytes, fileName, null);
        var lines = switch (upload.format()) {
            case XLSX -> Sheet.xlsx(upload.bytes());
            case MARKDOWN -> MarkdownTable.read(upload.bytes());
            case CSV -> Sheet.csv(upload.bytes(), upload.charset());
        };
        return Sheet.entries(lines).size();
    }
}
