package dev.shingi.admin;

import dev.shingi.platform.BulkReplay;
import dev.shingi.platform.Ledger;
import dev.shingi.platform.ReadModelRebuild;
import dev.shingi.platform.ViewsGate;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The rebuild's course, with its collaborators mocked: which processors it stops, resets and lets replay themselves,
 * which it rebuilds online (copies built, caught up, switched in with the processor stopped), what it reports as progress, and that a second rebuild is not begun while one runs.
 */
class RebuildTest {
    static final long HEAD = 100;

    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final Ledger ledger = mock(Ledger.class);
    final TokenStore tokenStore = mock(TokenStore.class);
    final Map<String, EventProcessor> processors = new LinkedHashMap<>();

    RebuildTest() {
        when(processing.eventProcessors()).thenReturn(processors);
        when(ledger.headPosition()).thenReturn(HEAD);
    }

    StreamingEventProcessor processor(String name, boolean resettable) {
        StreamingEventProcessor p = mock(StreamingEventProcessor.class);
        when(p.getName()).thenReturn(name);
        when(p.supportsReset()).thenReturn(resettable);
        processors.put(name, p);
        return p;
    }

    /** The segments of {@code p} have reached these positions. */
    static void at(StreamingEventProcessor p, long... positions) {
        Map<Integer, EventTrackerStatus> status = new LinkedHashMap<>();
        for (int segment = 0; segment < positions.length; segment++) {
            EventTrackerStatus s = mock(EventTrackerStatus.class);
            when(s.getCurrentPosition()).thenReturn(OptionalLong.of(positions[segment]));
            status.put(segment, s);
        }
        when(p.processingStatus()).thenReturn(status);
    }

    final RebuildRecord record = mock(RebuildRecord.class);

    Rebuild rebuild(boolean bulk, BulkReplay... bulkReplays) {
        return new Rebuild(processing, ledger, List.of(bulkReplays), tokenStore, NoTransactionManager.INSTANCE,
                new ViewsGate(), record, bulk);
    }

    /** Copies that note what is asked of them. */
    static final class NotedShadow implements BulkReplay.Shadow {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final TrackingToken token = new GlobalSequenceTrackingToken(HEAD);
        volatile long head;

        NotedShadow(long head) {
            this.head = head;
        }

        @Override
        public long head() {
            return head;
        }

        @Override
        public void catchUp(long head, BulkReplay.Progress progress) {
            asked.add("catchUp " + head);
            this.head = head;
        }

        @Override
        public TrackingToken switchOver() {
            asked.add("switchOver");
            return token;
        }

        @Override
        public void discard() {
            asked.add("discard");
        }
    }

    /** A bulk replay of the group "views" that reports 1 of 4 done and waits for {@link #release}. */
    static final class HeldReplay implements BulkReplay {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final String group;
        volatile Progress progress;
        volatile long head = -1;
        volatile boolean interrupted;
        volatile NotedShadow shadow;
        volatile RuntimeException failure;

        HeldReplay() {
            this("views");
        }

        HeldReplay(String group) {
            this.group = group;
        }

        @Override
        public String processingGroup() {
            return group;
        }

        @Override
        public Shadow build(long head, Progress progress) {
            this.head = head;
            this.progress = progress;
            progress.planned.set(4);
            progress.done.set(1);
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            shadow = new NotedShadow(head);
            return shadow;
        }

        @Override
        public boolean interrupted() {
            return interrupted;
        }

        boolean awaitHeld() throws InterruptedException {
            return held.await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessorWithoutBulkReplayIsResetAndReplaysTheLogItselfAtTheSpeedOfItsSlowestSegment() {
        StreamingEventProcessor audit = processor("audit", true);
        StreamingEventProcessor integrity = processor("integrity", false);
        EventProcessor subscribing = mock(EventProcessor.class);
        processors.put("subscribing", subscribing);
        Rebuild rebuild = rebuild(true);

        Rebuild.Progress started = rebuild.start();

        InOrder order = inOrder(audit, ledger);
        order.verify(audit).shutDown();
        order.verify(audit).resetTokens();
        order.verify(ledger).headPosition();
        order.verify(audit).start();
        verify(integrity, never()).shutDown();
        verify(integrity, never()).resetTokens();
        verifyNoInteractions(subscribing);
        // no segment claimed yet: nothing done, no rate, no ETA
        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.eventsDone()).isZero();
        assertThat(started.eventsTotal()).isEqualTo(HEAD);
        assertThat(started.eventsPerSecond()).isZero();
        assertThat(started.etaSeconds()).isNull();
        assertThat(started.startedAt()).isNotNull();
        assertThat(started.finishedAt()).isNull();

        at(audit, 70, 40);
        Rebuild.Progress halfway = rebuild.progress();
        assertThat(halfway.state()).isEqualTo("RUNNING");
        assertThat(halfway.eventsDone()).isEqualTo(40);
        assertThat(rebuild.underWay()).contains(new ReadModelRebuild.Share(40, HEAD));

        at(audit, HEAD, HEAD);
        Rebuild.Progress done = rebuild.progress();
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.eventsDone()).isEqualTo(HEAD);
        assertThat(done.etaSeconds()).isZero();
        assertThat(done.startedAt()).isEqualTo(started.startedAt());
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(rebuild.progress().finishedAt()).isEqualTo(done.finishedAt());
        assertThat(rebuild.underWay()).isEmpty();
    }

    @Test
    void aSecondStartWhileOneRunsOnlyReportsItAndOnceItIsDoneANewOneBegins() {
        StreamingEventProcessor audit = processor("audit", true);
        Rebuild rebuild = rebuild(true);

        Rebuild.Progress first = rebuild.start();
        at(audit, 30);
        Rebuild.Progress again = rebuild.start();

        assertThat(again.state()).isEqualTo("RUNNING");
        assertThat(again.eventsDone()).isEqualTo(30);
        assertThat(again.startedAt()).isEqualTo(first.startedAt());
        verify(audit, times(1)).shutDown();
        verify(audit, times(1)).resetTokens();
        verify(audit, times(1)).start();

        at(audit, HEAD);
        assertThat(rebuild.progress().state()).isEqualTo("DONE");
        at(audit);
        Rebuild.Progress second = rebuild.start();
        assertThat(second.state()).isEqualTo("RUNNING");
        assertThat(second.eventsDone()).isZero();
        verify(audit, times(2)).shutDown();
        verify(audit, times(2)).resetTokens();
        verify(audit, times(2)).start();
    }

    @Test
    void itIsIdleBeforeAnyRebuildAndAfterOneThatCouldNotResetTheProcessorsWhichRunAsBefore() {
        StreamingEventProcessor audit = processor("audit", true);
        StreamingEventProcessor views = processor("views", true);
        doThrow(new IllegalStateException("a segment is claimed elsewhere")).when(views).resetTokens();
        Rebuild rebuild = rebuild(true);

        assertThat(rebuild.progress()).isEqualTo(new Rebuild.Progress("IDLE", "IDLE", 0, 0, 0, null, null, null, List.of()));
        assertThat(rebuild.underWay()).isEmpty();
        assertThat(rebuild.bulkCpuSeconds()).isZero();
        verifyNoInteractions(processing, ledger, tokenStore, audit, views);

        assertThatThrownBy(rebuild::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("a segment is claimed elsewhere");

        verify(audit).shutDown();
        verify(audit).start();
        verify(views).shutDown();
        verify(views).start();
        assertThat(rebuild.progress()).isEqualTo(new Rebuild.Progress("IDLE", "IDLE", 0, 0, 0, null, null, null, List.of()));
    }

    @Test
    void theViewsGoOnServingWhileTheirCopiesAreBuiltAndCaughtUpThenSwitchWithTheProcessorStoppedAndGoOnFromTheirToken()
            throws Exception {
        StreamingEventProcessor views = processor("views", true);
        when(tokenStore.fetchSegments("views")).thenReturn(new int[]{0, 1});
        HeldReplay bulk = new HeldReplay();
        Rebuild rebuild = rebuild(true, bulk);

        rebuild.start();
        assertThat(bulk.awaitHeld()).isTrue();

        assertThat(bulk.head).isEqualTo(HEAD);
        verify(views, never()).shutDown();
        verify(views, never()).resetTokens();
        verify(record).started("views", HEAD, rebuild.progress().startedAt());
        assertThat(rebuild.progress().phase()).isEqualTo("BUILDING");
        assertThat(rebuild.progress().eventsDone()).isEqualTo(25); // 1 of 4 of the bulk replay's own units
        bulk.progress.done.set(4);
        assertThat(rebuild.progress().eventsDone()).as("not done before the switch").isEqualTo(HEAD - 1);
        assertThat(rebuild.progress().state()).isEqualTo("RUNNING");
        assertThat(rebuild.underWay()).as("the live views are complete: no notice").isEmpty();

        // written meanwhile: 2,000 events, then 600, then 100 more: two rounds, then the switch takes the last 100
        when(ledger.headPosition()).thenReturn(HEAD + 2_000, HEAD + 2_000, HEAD + 2_600, HEAD + 2_600, HEAD + 2_700);
        bulk.release.countDown();
        verify(views, timeout(10_000)).start();
        awaitProgress(rebuild, p -> "DONE".equals(p.state()));
        assertThat(bulk.shadow.asked).containsExactly("catchUp " + (HEAD + 2_000), "catchUp " + (HEAD + 2_600),
                "catchUp " + (HEAD + 2_700), "switchOver");
        InOrder order = inOrder(views, tokenStore);
        order.verify(views).shutDown();
        order.verify(tokenStore).storeToken(bulk.shadow.token, "views", 0);
        order.verify(tokenStore).storeToken(bulk.shadow.token, "views", 1);
        order.verify(views).start();
        verify(views, never()).resetTokens();
        verify(record).ended("views", "DONE");
        assertThat(rebuild.progress().eventsDone()).isEqualTo(HEAD);
        assertThat(rebuild.progress().phase()).isEqualTo("DONE");
    }

    @Test
    void aFailedBulkReplayLeavesTheViewsAsTheyWereAndDoesNotKeepTheNextGroupFromItsOwn() throws Exception {
        StreamingEventProcessor views = processor("views", true);
        StreamingEventProcessor other = processor("other", true);
        HeldReplay bulk = new HeldReplay();
        bulk.failure = new IllegalStateException("disk full");
        HeldReplay otherBulk = new HeldReplay("other");
        otherBulk.release.countDown();
        when(tokenStore.fetchSegments("other")).thenReturn(new int[]{0});
        Rebuild rebuild = rebuild(true, bulk, otherBulk);

        rebuild.start();
        assertThat(bulk.awaitHeld()).isTrue();
        bulk.release.countDown();

        verify(other, timeout(10_000)).start();
        awaitProgress(rebuild, p -> !"RUNNING".equals(p.state()));
        assertThat(rebuild.progress().state()).isEqualTo("FAILED");
        verify(views, never()).shutDown();
        verify(views, never()).resetTokens();
        verify(views, never()).start();
        verify(tokenStore, never()).storeToken(any(), org.mockito.ArgumentMatchers.eq("views"), anyInt());
        verify(tokenStore).storeToken(otherBulk.shadow.token, "other", 0);
        verify(record).ended("views", "FAILED");
        verify(record).ended("other", "DONE");
    }

    @Test
    void aSwitchThatFailsBeforeTheSwapDropsTheCopiesAndStartsTheViewsAgainOnTheirOwnToken() throws Exception {
        StreamingEventProcessor views = processor("views", true);
        when(tokenStore.fetchSegments("views")).thenThrow(new IllegalStateException("token store gone"));
        HeldReplay bulk = new HeldReplay();
        bulk.release.countDown();
        Rebuild rebuild = rebuild(true, bulk);

        rebuild.start();
        awaitProgress(rebuild, p -> !"RUNNING".equals(p.state()));

        assertThat(rebuild.progress().state()).isEqualTo("FAILED");
        // the swap had begun: the copies may be the live tables now, and are not dropped
        assertThat(bulk.shadow.asked).containsExactly("catchUp " + HEAD, "switchOver");
        verify(views).shutDown();
        verify(views).start();
    }

    @Test
    void atStartUpACutShortRebuildIsBegunAgainAndNothingHappensWhenNoneWasOrBulkReplayIsOff() throws Exception {
        StreamingEventProcessor views = processor("views", true);
        when(tokenStore.fetchSegments("views")).thenReturn(new int[]{0});

        HeldReplay whole = new HeldReplay();
        Rebuild none = rebuild(true, whole);
        none.resumeInterrupted();
        assertThat(none.progress().state()).isEqualTo("IDLE");

        HeldReplay ignored = new HeldReplay();
        ignored.interrupted = true;
        Rebuild off = rebuild(false, ignored); // shingi.rebuild.bulk=false: the views replay the log themselves
        off.resumeInterrupted();
        assertThat(off.progress().state()).isEqualTo("IDLE");
        verifyNoInteractions(processing, views);

        HeldReplay cut = new HeldReplay();
        Rebuild.Interrupted died = new Rebuild.Interrupted("views", "BUILDING", 1_200, 3_000,
                Instant.parse("2026-12-07T20:00:00Z"), Instant.parse("2026-12-07T20:00:04Z"));
        when(record.cutShort()).thenReturn(List.of(died)); // the node died during a rebuild
        Rebuild rebuild = rebuild(true, cut);
        rebuild.resumeInterrupted();

        assertThat(cut.awaitHeld()).isTrue();
        verify(views, never()).shutDown();
        assertThat(rebuild.progress().state()).isEqualTo("RUNNING");
        assertThat(rebuild.progress().interrupted()).as("what the node found at start-up").containsExactly(died);
        assertThat(none.progress().interrupted()).isEmpty();
        cut.release.countDown();
        verify(views, timeout(10_000)).start();
        verify(tokenStore, timeout(10_000)).storeToken(cut.shadow.token, "views", 0);
        assertThat(ignored.head).as("never asked to replay").isEqualTo(-1);
    }

    /** The bulk replay's thread marks its end just after starting the processor: waits for the progress to show it. */
    private static void awaitProgress(Rebuild rebuild, Predicate<Rebuild.Progress> reached) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!reached.test(rebuild.progress()) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(rebuild.progress()).matches(reached);
    }
}
