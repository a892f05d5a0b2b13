package dev.shingi.rest;

import dev.shingi.deliberation.api.CommentRegister;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.ReadClock;
import dev.shingi.edge.RecordedNotShown;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.ReadModelRebuild;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How a write's answer is read back: from the views when they show the write, else 202 naming where to read it. */
class EdgeTest {
    private final Ledger ledger = mock(Ledger.class);
    private final RequestMetadata metadata = mock(RequestMetadata.class);
    private final ReadModelRebuild rebuild = mock(ReadModelRebuild.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final Edge edge = new Edge(ledger, mock(QueryGateway.class), metadata, mock(ReadClock.class),
            mock(AccessPolicy.class), mock(CommentRegister.class), rebuild);

    @Test
    void whileARebuildRunsTheWriteIsStoredWithoutWaitingForTheViews() {
        when(rebuild.underWay()).thenReturn(Optional.of(new ReadModelRebuild.Share(0, 10)));
        when(metadata.of(request)).thenReturn(MetaData.emptyInstance());

        assertThat(edge.record("command", request)).isFalse();
        verify(ledger).record("command", MetaData.emptyInstance());
        verify(ledger, never()).recordAndCatchUp(any(), any());

        RecordedNotShown accepted = catchThrowableOfType(RecordedNotShown.class,
                () -> edge.readBack(false, "/api/comments/c1", () -> "never read"));
        assertThat(accepted.location()).isEqualTo("/api/comments/c1");
        assertThat(accepted.rebuilding()).isTrue();
    }

    @Test
    void otherwiseTheWriteWaitsForTheViewsAndSaysWhetherTheyCaughtUp() {
        when(rebuild.underWay()).thenReturn(Optional.empty());
        when(metadata.of(request)).thenReturn(MetaData.emptyInstance());
        when(ledger.recordAndCatchUp("late", MetaData.emptyInstance())).thenReturn(new Ledger.Recorded<>(null, false));
        when(ledger.recordAndCatchUp("shown", MetaData.emptyInstance())).thenReturn(new Ledger.Recorded<>(null, true));

        assertThat(edge.record("late", request)).isFalse();
        assertThat(edge.record("shown", request)).isTrue();
        RecordedNotShown late = catchThrowableOfType(RecordedNotShown.class,
                () -> edge.readBack(false, "/api/deliberations/d", () -> "stale"));
        assertThat(late.rebuilding()).isFalse();
        assertThat(late.getMessage()).isEqualTo(
                "Recorded. The views have not caught up with it yet; read it at /api/deliberations/d in a moment.");
    }

    @Test
    void aShownWriteIsReadBackAndOnlyAnUnknownRecordBecomesAccepted() {
        when(rebuild.underWay()).thenReturn(Optional.empty());

        assertThat(edge.readBack(true, "/x", () -> "the thread")).isEqualTo("the thread");
        assertThatThrownBy(() -> edge.readBack(true, "/x", () -> {
            throw new CompletionException(new UnknownRecord("commentId", "No comment 'c1'."));
        })).isInstanceOf(RecordedNotShown.class);
        assertThatThrownBy(() -> edge.readBack(true, "/x", () -> {
            throw new IllegalStateException("a real failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a real failure");
    }
}
