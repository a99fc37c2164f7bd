package cn.gov.eco.platform.operations;

import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import cn.gov.eco.platform.web.ProblemException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The work this service could not finish by itself and that a person must see (issue 16, "no silent stuck work"):
 * the records its consumers dead-lettered and the events its outbox relay parked, each with the case it concerns,
 * the reason in Chinese and the action to take; and the replay after a fix. A dead-lettered record is replayed by
 * handing the stored record to the listener that gave up on it (every listener is idempotent, so a record it
 * applied meanwhile changes nothing); a parked event is put back in line with its original {@code ce_id}. Every
 * replay is recorded with who asked and what happened.
 */
public class StuckWork {

    public static final String DEAD_LETTER = "DEAD_LETTER";
    public static final String PARKED_EVENT = "PARKED_EVENT";
    private static final int LIMIT = 500;

    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final KafkaListenerEndpointRegistry listeners;

    public StuckWork(DeadLetters deadLetters, OutboxRelay relay, KafkaListenerEndpointRegistry listeners) {
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.listeners = listeners;
    }

    /**
     * One item of the queue.
     *
     * @param id       what to pass to the replay: {@code dlt:<topic>-<partition>@<offset>} or
     *                 {@code outbox:<collection>/<document id>/<event id>}
     * @param subject  the case id or USCC the record concerns
     * @param reason   the technical reason, as the service saw it
     * @param reasonZh the reason for a person
     * @param actionZh what to do about it
     */
    public record Item(String id, String kind, String subject, String ceType, String ceId, Instant since,
                       String reason, String reasonZh, String actionZh, String status) {
    }

    public List<Item> list() {
        List<Item> items = new ArrayList<>();
        for (Document d : deadLetters.open(LIMIT)) {
            String cls = d.getString("reasonClass");
            items.add(new Item("dlt:" + d.getString("_id"), DEAD_LETTER, d.getString("subject"), d.getString("ceType"),
                    d.getString("ceId"), d.getDate("deadLetteredAt").toInstant(), d.getString("reason"),
                    reasonZh(cls, d.getString("reason")), actionZh(cls), d.getString("status")));
        }
        for (OutboxRelay.Parked p : relay.parked(LIMIT)) {
            String reason = p.event().lastError();
            String cls = reason == null ? "" : reason.substring(0, Math.max(0, reason.indexOf(':')));
            items.add(new Item("outbox:" + p.collection() + "/" + p.documentId() + "/" + p.event().eventId(),
                    PARKED_EVENT, p.event().subject(), p.event().ceType(), p.event().eventId(), p.event().parkedAt(),
                    reason, "事件未能发布（已重试 " + p.event().attempts() + " 次）：" + reasonZh(cls, reason), actionZh(cls),
                    p.event().status()));
        }
        items.sort(Comparator.comparing(Item::since));
        return items;
    }

    /** Replays one item; {@code by} is who asked. Answers the outcome; a failed replay is recorded and is a 409. */
    public String replay(String id, String by) {
        if (id.startsWith("dlt:")) {
            return replayDeadLetter(id.substring(4), by);
        }
        if (id.startsWith("outbox:")) {
            String[] parts = id.substring(7).split("/", 3);
            if (parts.length == 3 && relay.unpark(parts[0], parts[1], parts[2])) {
                return "REQUEUED";
            }
            throw ProblemException.notFound("待重新发布的事件", "parked event", id);
        }
        throw ProblemException.notFound("待处理异常", "stuck item", id);
    }

    private String replayDeadLetter(String id, String by) {
        Document d = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("未能处理的事件", "dead-lettered record", id));
        if (DeadLetters.REPLAYED.equals(d.getString("status"))) {
            return "ALREADY_REPLAYED"; // replaying twice does nothing more
        }
        ConsumerRecord<String, byte[]> record = DeadLetters.toRecord(d);
        List<MessageListenerContainer> targets = containersFor(d.getString("listener"), record.topic());
        if (targets.isEmpty()) {
            throw ProblemException.conflict("NO_LISTENER", null, "本服务没有读取主题 " + record.topic() + " 的监听器",
                    "No listener of this service reads " + record.topic());
        }
        try {
            for (MessageListenerContainer c : targets) {
                @SuppressWarnings("unchecked")
                var listener = (GenericMessageListener<ConsumerRecord<String, byte[]>>)
                        c.getContainerProperties().getMessageListener();
                listener.onMessage(record, null, null); // as the container calls a @KafkaListener's adapter
            }
        } catch (RuntimeException e) {
            String outcome = DeadLetters.message(e);
            deadLetters.replayed(id, by, false, outcome);
            throw ProblemException.conflict("REPLAY_FAILED", null, "重放仍然失败：" + outcome + "；请先修复原因",
                    "The replay failed again: " + outcome + "; fix the cause first");
        }
        deadLetters.replayed(id, by, true, "handled by " + targets.stream().map(MessageListenerContainer::getListenerId)
                .toList());
        return "REPLAYED";
    }

    private List<MessageListenerContainer> containersFor(String listenerId, String topic) {
        if (listenerId != null && listeners.getListenerContainer(listenerId) != null) {
            return List.of(listeners.getListenerContainer(listenerId));
        }
        return listeners.getListenerContainers().stream().filter(c -> c.getContainerProperties().getTopics() != null
                && Arrays.asList(c.getContainerProperties().getTopics()).contains(topic)).toList();
    }

    /** The listener whose consumer thread is running ({@code <listener id>-<n>-C-<m>}), or {@code null}. */
    public static String listenerOnThisThread(KafkaListenerEndpointRegistry registry) {
        String thread = Thread.currentThread().getName();
        return registry.getListenerContainerIds().stream().filter(id -> thread.startsWith(id + "-"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    static String reasonZh(String cls, String reason) {
        String c = cls == null ? "" : cls;
        if (c.endsWith(PoisonRecordException.class.getSimpleName())) {
            return "事件无法读取、缺少必需内容、版本未知或与已处理的同一事件不一致";
        }
        if (c.endsWith("RecordTooLargeException")) {
            return "事件超过消息队列允许的大小";
        }
        if (c.endsWith("AuthorizationException")) {
            return "本服务无权写入或读取该主题";
        }
        if (c.endsWith("FontUnavailableException") || (reason != null && reason.contains("font"))) {
            return "文书字体无法显示其中的字符，文书未能生成";
        }
        return "处理失败：" + (reason == null ? "原因未知" : reason);
    }

    static String actionZh(String cls) {
        String c = cls == null ? "" : cls;
        if (c.endsWith(PoisonRecordException.class.getSimpleName())) {
            return "核对事件的来源与内容；若是本服务的缺陷，修复并部署后点击“重放”";
        }
        if (c.endsWith("RecordTooLargeException")) {
            return "缩减该案件的内容，或调高消息大小上限后点击“重放”";
        }
        if (c.endsWith("AuthorizationException")) {
            return "核对消息队列的账号与权限配置后点击“重放”";
        }
        return "查明并修复原因后点击“重放”；重放不会重复已完成的处理";
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
