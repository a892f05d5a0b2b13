package dev.shingi.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin", description = "Operating the ledger")
class IntegrityController {
    private final Verifier verifier;
    private final Checkpoints checkpoints;

    IntegrityController(Verifier verifier, Checkpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/admin/verify")
    @Operation(summary = "Recompute the ledger's hash chains, its checkpoints and the latest head published to the "
            + "witness; list every modified, inserted, deleted, reordered or truncated event by aggregate, sequence and "
            + "position. views=true: also recompute every read-model row from the log and list those that disagree")
    Verifier.Report verify(@RequestParam(defaultValue = "false") boolean views) {
        return verifier.verify(views);
    }

    @PostMapping("/api/admin/checkpoints")
    @Operation(summary = "Record a checkpoint of every aggregate's head now (also done after each revision and hourly)")
    Object checkpoint() {
        return checkpoints.checkpoint();
    }
}
