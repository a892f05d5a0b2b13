package dev.shingi.transfer.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --export=FILE [--deliberation=ID]} and {@code --import=FILE [--resign]} on the command line, against a stopped
 * application's data (as {@code --rebuild}): write the export, or import into the empty ledger, print what was done,
 * and exit (0 done, 2 refused). See {@link dev.shingi.ShingiApplication#main}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransferCommand implements ApplicationRunner {
    static final String EXPORT = "export";
    static final String IMPORT = "import";

    private final LedgerExport export;
    private final LedgerImport importer;
    private final ApplicationContext context;

    TransferCommand(LedgerExport export, LedgerImport importer, ApplicationContext context) {
        this.export = export;
        this.importer = importer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(EXPORT) && !args.containsOption(IMPORT)) {
            return;
        }
        int code;
        try {
            code = args.containsOption(EXPORT) ? export(args) : importFile(args);
        } catch (ImportRefused e) {
            System.out.println("Import refused: " + e.getMessage());
            code = 2;
        } catch (dev.shingi.deliberation.api.UnknownRecord e) {
            System.out.println("Export refused: " + e.getMessage());
            code = 2;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private int export(ApplicationArguments args) throws Exception {
        Path file = Path.of(single(args, EXPORT));
        String deliberation = args.containsOption("deliberation") ? single(args, "deliberation") : null;
        export.requireKnown(deliberation);
        long t0 = System.nanoTime();
        long events;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            events = export.export(out, deliberation);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Exported %d events to %s in %.1f s (%.0f events/s)%n", events, file, seconds,
                events / Math.max(seconds, 0.001));
        return 0;
    }

    private int importFile(ApplicationArguments args) throws Exception {
        Path file = Path.of(single(args, IMPORT));
        LedgerImport.Result r = importer.importFile(file, args.containsOption("resign"));
        System.out.printf("Imported %d events of %d aggregates (%d deliberations) and %d documents from %s in %.1f s; "
                        + "positions %s; %s. The read models are built from the log when the application next starts.%n",
                r.events(), r.aggregates(), r.deliberations(), r.documents(), file, r.seconds(),
                r.positionsKept() ? "kept" : "renumbered 1.." + r.lastPosition(),
                r.resigned() ? "signed with this installation's key" : "signatures kept");
        return 0;
    }

    private static String single(ApplicationArguments args, String option) {
        List<String> values = args.getOptionValues(option);
        if (values == null || values.size() != 1 || values.get(0).isBlank()) {
            throw new IllegalArgumentException("--" + option + "=VALUE expected once");
        }
        return values.get(0);
    }
}
