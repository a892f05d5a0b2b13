package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.FindTableVocabulary;
import dev.shingi.deliberation.api.TableVocabulary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;

import static dev.shingi.deliberation.query.AsOfSql.HAPPENED;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.happened;
import static dev.shingi.deliberation.query.ViewRows.instant;
import static dev.shingi.deliberation.query.ViewRows.read;

/** A deliberation's comment-table vocabulary ({@link FindTableVocabulary}): the latest setting as of both clocks. */
@Component
class TableVocabularyQueries {

    private final JdbcTemplate jdbc;

    TableVocabularyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    TableVocabulary handle(FindTableVocabulary query) {
        List<TableVocabulary> set = jdbc.query("SELECT * FROM table_vocabulary_v WHERE deliberation_id = ? AND"
                        + HAPPENED + "ORDER BY occurred_at DESC, position DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new TableVocabulary(query.deliberationId(),
                        read(rs.getString("types"), new TypeReference<LinkedHashMap<String, CommentKind>>() { }),
                        read(rs.getString("dispositions"), new TypeReference<LinkedHashMap<String, Disposition>>() { }),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                args(query.deliberationId(), happened(query.asOf())));
        return set.isEmpty() ? TableVocabulary.none(query.deliberationId()) : set.get(0);
    }
}
