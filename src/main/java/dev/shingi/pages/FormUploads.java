package dev.shingi.pages;

import dev.shingi.drafttext.api.RefusedDocument;
import dev.shingi.edge.DraftUploads;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The file input of the publish and revise forms (field {@code file}), staged through {@link DraftUploads} exactly as
 * the API's multipart part is. A refused file is an error on the field, in the page's language
 * ({@code upload.<rule>}); the caller closes the upload once the command has been answered.
 */
@Component
class FormUploads {
    static final String FIELD = "file";
    private static final long MEGABYTE = 1024 * 1024;

    private final DraftUploads uploads;

    FormUploads(DraftUploads uploads) {
        this.uploads = uploads;
    }

    /**
     * The file staged for the command, or null: when the input was left empty (a version without its document), or
     * when the file was refused, which is then an error on {@code file} naming the rule.
     */
    DraftUploads.Upload stage(MultipartFile file, BindingResult errors) {
        if (DraftUploads.isNone(file)) {
            return null;
        }
        try {
            return uploads.stage(file);
        } catch (RefusedDocument e) {
            errors.rejectValue(FIELD, "upload." + e.rule(), new Object[]{e.getMessage(), megabytes()}, e.getMessage());
            return null;
        }
    }

    /** What the form's file input says about itself; and, when the form comes back, whether a file must be chosen again. */
    void describe(Model model, MultipartFile given, boolean again) {
        model.addAttribute("maxMegabytes", megabytes());
        model.addAttribute("fileAgain", again && !DraftUploads.isNone(given));
    }

    private long megabytes() {
        return uploads.maxSize() / MEGABYTE;
    }
}
