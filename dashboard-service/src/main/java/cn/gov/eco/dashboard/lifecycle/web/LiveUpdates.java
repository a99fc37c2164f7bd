package cn.gov.eco.dashboard.lifecycle.web;

import cn.gov.eco.dashboard.lifecycle.application.DashboardQueries;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events for the page: a {@code figures} event whenever the state stores changed (checked twice a
 * second, so a burst of events is one update), and a comment every 15 s so that proxies keep the stream open. A
 * stream ends after {@link #STREAM_LIFETIME}; the page reconnects.
 */
@Component
public class LiveUpdates {

    static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

    private final DashboardQueries queries;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile long lastVersion = -1;
    private volatile long lastBeat = System.nanoTime();

    public LiveUpdates(DashboardQueries queries) {
        this.queries = queries;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        send(emitter, SseEmitter.event().name("figures").data("{\"version\":" + queries.version() + "}",
                MediaType.APPLICATION_JSON));
        return emitter;
    }

    @Scheduled(fixedDelay = 500)
    void broadcast() {
        long version = queries.version();
        if (version != lastVersion) {
            lastVersion = version;
            emitters.forEach(e -> send(e, SseEmitter.event().name("figures").data("{\"version\":" + version + "}",
                    MediaType.APPLICATION_JSON)));
        } else if (System.nanoTime() - lastBeat > Duration.ofSeconds(15).toNanos()) {
            lastBeat = System.nanoTime();
            emitters.forEach(e -> send(e, SseEmitter.event().comment("keep-alive")));
        }
    }

    int subscribers() {
        return emitters.size();
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
    }
}
