package io.zhibiao.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.zhibiao.common.TooManyStreams;
import io.zhibiao.common.Where;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.security.Caller;
import io.zhibiao.security.CallerRecheck;
import io.zhibiao.security.Credential;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One reader of the changes feed per replica, fanned out to every open stream: the replica reads what was committed
 * since its last look in one query every {@code zhibiao.changes.poll-interval}, whatever the number of streams, and
 * hands each stream the changes in its caller's subtree. A stream that starts behind (it resumes from a cursor) catches
 * up with reads of its own, a page per poll, then joins the shared read.
 *
 * <p>
 * Every {@code zhibiao.changes.recheck-interval} the credentials behind the open streams are checked again, together: a
 * stream whose token was revoked or has expired receives a final {@code end} event and is closed; a caller whose scope
 * changed sees the new scope from then on. A stream that does not read what it is sent (more than
 * {@value #MAX_BACKLOG} events behind) is closed; its client resumes from its last event id.
 */
@ApplicationScoped
public class ChangeHub {

    /** Events read in one page; a catching-up stream reads one page per poll. */
    static final int PAGE = 1000;
    /** Pages the shared read takes per poll at most, so one poll never holds a burst of a million changes. */
    static final int MAX_PAGES_PER_POLL = 10;
    /** Events sent to a stream but not yet written to its connection, at most. */
    static final int MAX_BACKLOG = 10_000;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** What a stream carries. */
    public sealed interface Event {
    }

    public record ChangeEvent(ChangeFeed.Change change) implements Event {
    }

    public record Heartbeat() implements Event {
    }

    /**
     * The last event of a stream the service ends.
     *
     * @param reason {@code signed_out} (the token was revoked or expired), {@code too_slow}, {@code shutdown}
     */
    public record End(String reason, String message) implements Event {
    }

    /** One open stream. */
    private static final class Stream {

        final long id;
        final Credential credential;
        final MultiEmitter<? super Event> emitter;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong written = new AtomicLong();
        volatile String scopePath;
        /** The cursor of the last change this stream has been given (or skipped as outside its subtree). */
        long position;

        Stream(long id, Credential credential, String scopePath, long position, MultiEmitter<? super Event> emitter) {
            this.id = id;
            this.credential = credential;
            this.scopePath = scopePath;
            this.position = position;
            this.emitter = emitter;
        }

        boolean sees(String path) {
            String scope = scopePath;
            return scope == null || path.startsWith(scope);
        }

        String pattern() {
            return Where.under(scopePath == null ? "/" : scopePath);
        }

        void send(Event event) {
            sent.incrementAndGet();
            emitter.emit(event);
        }
    }

    @Inject
    ChangeFeed feed;

    @Inject
    CallerRecheck recheck;

    @Inject
    ZhibiaoConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();
    /** Streams held per credential holder, and in all; changed only under this object's lock. */
    private final Map<String, Integer> perHolder = new HashMap<>();
    private int reserved;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private ScheduledExecutorService reader;
    /** The cursor the shared read has reached; -1 until the first poll. Only the reader thread touches it. */
    private long head = -1;
    private long lastRecheck = System.nanoTime();
    private long lastHeartbeat = System.nanoTime();

    @PostConstruct
    void start() {
        reader = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "zhibiao-change-hub");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.changes().pollInterval().toMillis();
        reader.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        Gauge.builder("zhibiao.changes.streams", streams, Map::size).description("Open change streams on this replica")
                .register(registry);
        Gauge.builder("zhibiao.changes.polls", polls, AtomicLong::get)
                .description("Reads of the changes feed made for all streams together").register(registry);
    }

    /**
     * Opens a stream for a caller authenticated with {@code credential}, starting after {@code cursor}, or at the
     * newest change when it is null (a board asks for what happens from now on).
     *
     * @throws TooManyStreams when this replica, or this credential, holds as many streams as it may
     */
    public Multi<Event> open(Caller caller, Credential credential, Long cursor) {
        long start = cursor != null ? cursor : QuarkusTransaction.requiringNew().call(feed::head);
        reserve(credential);
        long id = ids.incrementAndGet();
        return Multi.createFrom().<Event>emitter(emitter -> {
            Stream stream = new Stream(id, credential, caller.scopePath(), start, emitter);
            streams.put(id, stream);
        }, BackPressureStrategy.BUFFER).onItem().invoke(event -> {
            Stream stream = streams.get(id);
            if (stream != null) {
                stream.written.incrementAndGet();
            }
        }).onTermination().invoke(() -> { // completed by end(), or cancelled by the client going away
            if (streams.remove(id) != null) {
                release(credential);
            }
        });
    }

    private synchronized void reserve(Credential credential) {
        int total = reserved;
        if (total >= config.changes().maxStreams()) {
            throw new TooManyStreams("this replica already serves " + total + " open streams, its limit "
                    + "(zhibiao.changes.max-streams); try again later");
        }
        // Anonymous readers of a public board share no token: only the replica's limit holds them.
        int held = perHolder.getOrDefault(credential.holder(), 0);
        if (credential.kind() != Credential.Kind.ANONYMOUS && held >= config.changes().maxStreamsPerToken()) {
            throw new TooManyStreams("this token already holds " + held + " open streams on this replica, its limit "
                    + "(zhibiao.changes.max-streams-per-token); close a board or try again later");
        }
        perHolder.merge(credential.holder(), 1, Integer::sum);
        reserved++;
    }

    private synchronized void release(Credential credential) {
        perHolder.computeIfPresent(credential.holder(), (holder, n) -> n <= 1 ? null : n - 1);
        reserved--;
    }

    /** Ends a stream with a last event saying why. */
    private void end(Stream stream, String reason, String message) {
        if (streams.remove(stream.id) != null) {
            release(stream.credential);
            stream.emitter.emit(new End(reason, message));
            stream.emitter.complete();
        }
    }

    /** The number of streams open on this replica. */
    public int openStreams() {
        return streams.size();
    }

    /**
     * One round of the reader thread: read new changes once, check the callers again (before anything is sent, or when
     * the recheck interval is up), hand the changes out.
     */
    void poll() {
        try {
            if (streams.isEmpty()) {
                head = -1; // nobody listens: read nothing; the next stream starts the reads again
                return;
            }
            long now = System.nanoTime();
            if (now - lastHeartbeat >= HEARTBEAT.toNanos()) {
                lastHeartbeat = now;
                streams.values().forEach(s -> s.send(new Heartbeat()));
            }
            long from = head;
            List<ChangeFeed.Located> fresh = readFresh();
            if (from < 0) {
                from = head; // the first read after an idle time only found where the feed stands
            }
            // Callers are checked after the read and before anything is handed out whenever something is to be handed
            // out: a revocation committed before a change was written is then always seen before that change is sent.
            boolean sending = !fresh.isEmpty() || streams.values().stream().anyMatch(s -> s.position < head);
            if (sending || now - lastRecheck >= config.changes().recheckInterval().toNanos()) {
                lastRecheck = now;
                recheckCallers();
            }
            handOut(from, fresh);
        } catch (RuntimeException e) {
            Log.warnf("The change streams' reader failed (%s); it tries again at the next poll", e.toString());
        }
    }

    private void recheckCallers() {
        List<Stream> open = List.copyOf(streams.values());
        Map<Credential, Caller> live = recheck.checkAgain(open.stream().map(s -> s.credential).distinct().toList());
        for (Stream stream : open) {
            Caller caller = live.get(stream.credential);
            if (caller == null) {
                end(stream, "signed_out", "the token was revoked or has expired; sign in again");
            } else {
                stream.scopePath = caller.scopePath();
            }
        }
    }

    /** Everything committed since the shared read's last look (whole tree), and moves {@link #head} past it. */
    private List<ChangeFeed.Located> readFresh() {
        List<ChangeFeed.Located> fresh = new ArrayList<>();
        if (head < 0) {
            head = QuarkusTransaction.requiringNew().call(feed::head);
            return fresh;
        }
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            long after = fresh.isEmpty() ? head : fresh.get(fresh.size() - 1).change().cursor();
            List<ChangeFeed.Located> read = QuarkusTransaction.requiringNew()
                    .call(() -> feed.located(after, Long.MAX_VALUE, PAGE, "/%"));
            polls.incrementAndGet();
            fresh.addAll(read);
            if (read.size() < PAGE) {
                break;
            }
        }
        if (!fresh.isEmpty()) {
            head = fresh.get(fresh.size() - 1).change().cursor();
        }
        return fresh;
    }

    /** Gives each stream what it has not had of {@code fresh} (read after {@code from}), or a page of its history. */
    private void handOut(long from, List<ChangeFeed.Located> fresh) {
        long to = head;
        for (Stream stream : List.copyOf(streams.values())) {
            if (stream.sent.get() - stream.written.get() > MAX_BACKLOG) {
                Log.infof("Change stream %d closed: its client read nothing of %d events", stream.id,
                        stream.sent.get() - stream.written.get());
                end(stream, "too_slow", "the stream fell too far behind; reconnect to resume");
                continue;
            }
            if (stream.position >= from) {
                for (ChangeFeed.Located change : fresh) {
                    if (change.change().cursor() > stream.position && stream.sees(change.path())) {
                        stream.send(new ChangeEvent(change.change()));
                    }
                }
                stream.position = Math.max(stream.position, to);
            } else {
                catchUp(stream, to);
            }
        }
    }

    /** A page of the stream's own history up to {@code to}; it joins the shared read once nothing is left. */
    private void catchUp(Stream stream, long to) {
        long after = stream.position;
        String pattern = stream.pattern();
        List<ChangeFeed.Located> read = QuarkusTransaction.requiringNew()
                .call(() -> feed.located(after, to, PAGE, pattern));
        for (ChangeFeed.Located change : read) {
            if (stream.sees(change.path())) {
                stream.send(new ChangeEvent(change.change()));
            }
        }
        stream.position = read.size() < PAGE ? to : read.get(read.size() - 1).change().cursor();
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
        for (Stream stream : List.copyOf(streams.values())) {
            end(stream, "shutdown", "the service is restarting; reconnect to resume");
        }
    }
}
