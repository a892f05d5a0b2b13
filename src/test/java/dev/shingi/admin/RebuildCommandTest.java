package dev.shingi.admin;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code --rebuild} on the command line and nothing else starts a rebuild. (Once the rebuild ends, the command exits
 * the JVM, so that end is not run here: the rebuild is made to fail instead.)
 */
class RebuildCommandTest {
    final Rebuild rebuild = mock(Rebuild.class);
    final ApplicationContext context = mock(ApplicationContext.class);
    final RebuildCommand command = new RebuildCommand(rebuild, context);

    @Test
    void withoutTheOptionTheApplicationStartsAsUsual() throws Exception {
        command.run(new DefaultApplicationArguments());
        command.run(new DefaultApplicationArguments("--server.port=0", "rebuild", "--rebuilt", "-rebuild"));

        verifyNoInteractions(rebuild, context);
    }

    @Test
    void theOptionRunsARebuildToItsEndReportingEverySecond() throws Exception {
        when(rebuild.runToEnd(eq(Duration.ofSeconds(1)), any())).thenThrow(new InterruptedException("stopped"));

        assertThatThrownBy(() -> command.run(new DefaultApplicationArguments("--rebuild")))
                .isInstanceOf(InterruptedException.class).hasMessage("stopped");

        verify(rebuild).runToEnd(eq(Duration.ofSeconds(1)), any());
        verifyNoInteractions(context);
    }
}
