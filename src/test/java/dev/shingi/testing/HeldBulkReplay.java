package dev.shingi.testing;

import dev.shingi.platform.BulkReplay;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Add to an application's sources to hold its bulk replays, once armed ({@link #arm}), until the test lets them go:
 * the rebuild is then running, its head fixed. One application at a time (the latches are static).
 */
@TestConfiguration
public class HeldBulkReplay {
    static volatile CountDownLatch entered;
    static volatile CountDownLatch release;
    /** Makes the bulk replay fail at once. */
    public static volatile boolean fail;

    /** The next bulk replay waits, once it has begun, until {@link #release()}. */
    public static void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Waits until the armed bulk replay has begun (and is held); false after 30 s. */
    public static boolean awaitHeld() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    /** Lets the held bulk replay go on, and disarms. */
    public static void release() {
        CountDownLatch out = release;
        entered = null;
        if (out != null) {
            out.countDown();
        }
    }

    @Bean
    static BeanPostProcessor holdBulkReplays() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof BulkReplay bulk)) {
                    return bean;
                }
                return new BulkReplay() {
                    @Override
                    public String processingGroup() {
                        return bulk.processingGroup();
                    }

                    @Override
                    public boolean interrupted() {
                        return bulk.interrupted();
                    }

                    @Override
                    public Shadow build(long head, Progress progress) {
                        if (fail) {
                            throw new IllegalStateException("A bulk replay failing for the test");
                        }
                        CountDownLatch in = entered;
                        CountDownLatch out = release;
                        if (in != null) {
                            in.countDown();
                            try {
                                if (!out.await(30, TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("The held bulk replay was not released in 30 s");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return bulk.build(head, progress);
                    }
                };
            }
        };
    }
}
