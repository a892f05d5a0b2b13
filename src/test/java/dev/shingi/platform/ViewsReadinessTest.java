package dev.shingi.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The node is ready once it has started (the demo loaded) and its views have first caught up with the log. */
class ViewsReadinessTest {
    final Ledger ledger = mock(Ledger.class);
    final ViewsReadiness views = new ViewsReadiness(ledger);

    @Test
    void outOfServiceWhileStartingThenUntilTheViewsCatchUpThenUpForGood() {
        when(ledger.projectionsCaughtUp()).thenReturn(false, false, true, false);

        assertThat(views.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(views.health().getDetails()).containsEntry("views", "the application is starting");
        verify(ledger, never()).projectionsCaughtUp();

        views.started();
        assertThat(views.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(views.health().getDetails()).containsEntry("views", "catching up with the event log");
        assertThat(views.health().getStatus()).isEqualTo(Status.UP);
        // a moment behind under later writes is not out of service: no further look
        assertThat(views.health().getStatus()).isEqualTo(Status.UP);
        verify(ledger, times(3)).projectionsCaughtUp();
    }
}
