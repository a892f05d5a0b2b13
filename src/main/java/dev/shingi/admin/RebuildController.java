package dev.shingi.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/rebuild")
@Tag(name = "Admin", description = "Operating the ledger")
class RebuildController {
    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Rebuild every read model from the log", description = "Answers 202 at once; poll GET for progress.")
    ResponseEntity<Rebuild.Progress> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/admin/rebuild").body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "Progress of the last rebuild: events done / total, events per second, ETA")
    Rebuild.Progress progress() {
        return rebuild.progress();
    }
}
