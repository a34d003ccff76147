package io.zhibiao.alert;

import io.quarkus.logging.Log;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Alert channels and subscriptions (ADMIN or PLANNER of their unit), and the deliveries made to them. */
@ApplicationScoped
@Transactional
public class AlertService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    AlertDispatcher dispatcher;

    @Inject
    AlertEvents outbox;

    @Writes(Area.ALERTS)
    public AlertChannel createChannel(ChannelRequest request) {
        if (request == null) {
            throw new ValidationFailed("name", "send {name, type, orgUnitCode, url, secret}");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required, for example 县局领导钉钉群"));
        } else if (name.length() > 100 || name.contains("\n")) {
            errors.add(new FieldError("name", "must be one line of at most 100 characters"));
        }
        ChannelType type = null;
        try {
            type = Params.enumValue("type", request.type(), ChannelType.class);
            if (type == null) {
                errors.add(new FieldError("type", "is required: DINGTALK, WECOM, WEBHOOK or EMAIL"));
            }
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
        }
        String url = request.url() == null ? null : request.url().strip();
        String secret = request.secret() == null || request.secret().isBlank() ? null : request.secret().strip();
        if (url == null || url.isEmpty()) {
            errors.add(new FieldError("url", "is required"));
        } else if (url.length() > 2000) {
            errors.add(new FieldError("url", "is longer than 2000 characters"));
        } else if (type == ChannelType.EMAIL) {
            String list = url.regionMatches(true, 0, "mailto:", 0, 7) ? url.substring(7) : null;
            if (list == null || list.isBlank() || !java.util.Arrays.stream(list.split(",")).map(String::strip)
                    .allMatch(EMAIL.asMatchPredicate())) {
                errors.add(
                        new FieldError("url", "an EMAIL channel's url is mailto: with addresses separated by commas, "
                                + "for example mailto:leader@example.cn,office@example.cn"));
            } else {
                url = "mailto:" + list.strip();
            }
        } else if (type != null && !isHttp(url)) {
            errors.add(new FieldError("url", "'" + url + "' is not an http or https URL"));
        }
        if (secret != null && (secret.length() > 500 || secret.chars().anyMatch(c -> c < 0x20))) {
            errors.add(new FieldError("secret", "must be one line of at most 500 characters"));
        }
        if (secret == null && (type == ChannelType.DINGTALK || type == ChannelType.WEBHOOK)) {
            errors.add(new FieldError("secret",
                    type == ChannelType.DINGTALK
                            ? "a DINGTALK channel needs the robot's 加签 secret (SEC…): unsigned robots are refused"
                            : "a WEBHOOK channel needs a secret to sign its messages with"));
        }
        if (request.orgUnitCode() == null || request.orgUnitCode().isBlank()) {
            errors.add(new FieldError("orgUnitCode", "is required, for example qinghe"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        OrgUnit unit = orgUnits.resolve("orgUnitCode", request.orgUnitCode().strip());
        access.checkWrite(Area.ALERTS, unit);
        AlertChannel c = new AlertChannel();
        c.name = name;
        c.type = type;
        c.orgUnit = unit;
        c.url = url;
        c.secret = secret;
        c.createdBy = access.actor();
        c.createdAt = OffsetDateTime.now(clock);
        c.persist();
        Log.infof("Alert channel %d (%s, %s) created for %s by %s", c.id, c.type, c.name, unit.code, c.createdBy);
        return c;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertChannel channel(long id) {
        AlertChannel c = AlertChannel.<AlertChannel>find("from AlertChannel c join fetch c.orgUnit where c.id = ?1", id)
                .firstResultOptional().filter(x -> access.canSee(x.orgUnit))
                .orElseThrow(() -> new NotFound("alert channel", id));
        return c;
    }

    /**
     * A channel named in a request body: one outside the caller's subtree is answered exactly like one that does not
     * exist (400 on the field).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertChannel channelField(String field, long id) {
        return AlertChannel.<AlertChannel>find("from AlertChannel c join fetch c.orgUnit where c.id = ?1", id)
                .firstResultOptional().filter(x -> access.canSee(x.orgUnit))
                .orElseThrow(() -> new ValidationFailed(field, "alert channel " + id + " does not exist"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertChannel> channels() {
        var where = access.where("c.orgUnit.path");
        return AlertChannel.<AlertChannel>find(
                "from AlertChannel c join fetch c.orgUnit where " + where + " order by c.id", where.params()).list();
    }

    @Writes(Area.ALERTS)
    public void deleteChannel(long id) {
        AlertChannel c = channel(id);
        access.checkWrite(Area.ALERTS, c.orgUnit);
        c.delete();
        Log.infof("Alert channel %d (%s) deleted by %s", id, c.name, access.actor());
    }

    /** A test message, sent now; the answer is the delivery with its one try. */
    @Transactional(Transactional.TxType.NEVER)
    public AlertDelivery test(long id) {
        access.checkWrite(Area.ALERTS);
        AlertChannel c = channel(id);
        access.checkWrite(Area.ALERTS, c.orgUnit);
        String text = "#### 指标 · 测试消息\n这是「" + c.name + "」的测试消息，收到即说明提醒渠道配置正确。\n\n[打开看板](" + config.alerts().baseUrl()
                + "/board?orgUnit=" + c.orgUnit.code + ")";
        return dispatcher.sendNow(c.id, "TEST", "指标：测试消息", text);
    }

    @Writes(Area.ALERTS)
    public AlertSubscription subscribe(SubscriptionRequest request) {
        if (request == null) {
            throw new ValidationFailed("channel", "send {channel, orgUnitCode, events, mode}");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "is required: the id of an alert channel"));
        }
        if (request.orgUnitCode() == null || request.orgUnitCode().isBlank()) {
            errors.add(new FieldError("orgUnitCode", "is required, for example qinghe"));
        }
        Set<AlertEvent> events = new LinkedHashSet<>();
        if (request.events() == null || request.events().isEmpty()) {
            errors.add(new FieldError("events", "name at least one event, for example TARGET_STATUS_CHANGED"));
        } else {
            for (int i = 0; i < request.events().size(); i++) {
                String e = request.events().get(i);
                try {
                    events.add(AlertEvent.valueOf(e == null ? "" : e.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException x) {
                    errors.add(new FieldError("events[" + i + "]",
                            "'" + e + "' is not an event: " + java.util.Arrays.toString(AlertEvent.values())));
                }
            }
        }
        AlertMode mode = AlertMode.IMMEDIATE;
        try {
            AlertMode given = Params.enumValue("mode", request.mode(), AlertMode.class);
            mode = given == null ? AlertMode.IMMEDIATE : given;
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
        }
        int hour = request.digestHour() == null ? config.alerts().digestHour() : request.digestHour();
        if (hour < 0 || hour > 23) {
            errors.add(new FieldError("digestHour", "must be an hour from 0 to 23"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        AlertChannel channel = channelField("channel", request.channel());
        OrgUnit unit = orgUnits.resolve("orgUnitCode", request.orgUnitCode().strip());
        access.checkWrite(Area.ALERTS, unit, channel.orgUnit);
        if (AlertSubscription.count() == 0) {
            outbox.restartAtHead();
        }
        AlertSubscription s = new AlertSubscription();
        s.channel = channel;
        s.orgUnit = unit;
        s.events = String.join(",", events.stream().map(Enum::name).toList());
        s.mode = mode;
        s.digestHour = hour;
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.timeZone()));
        // The first digest is the next one to come: not at once because today's hour has passed.
        s.lastDigestOn = now.getHour() >= hour ? now.toLocalDate() : null;
        s.createdBy = access.actor();
        s.createdAt = now.toOffsetDateTime();
        s.persist();
        Log.infof("Alert subscription %d: channel %d, %s, %s %s by %s", s.id, channel.id, unit.code, s.events, mode,
                s.createdBy);
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertSubscription> subscriptions() {
        var where = access.where("s.orgUnit.path");
        return AlertSubscription.<AlertSubscription>find("from AlertSubscription s join fetch s.orgUnit "
                + "join fetch s.channel where " + where + " order by s.id", where.params()).list();
    }

    @Writes(Area.ALERTS)
    public void unsubscribe(long id) {
        AlertSubscription s = AlertSubscription
                .<AlertSubscription>find("from AlertSubscription s join fetch s.orgUnit where s.id = ?1", id)
                .firstResultOptional().filter(x -> access.canSee(x.orgUnit))
                .orElseThrow(() -> new NotFound("alert subscription", id));
        access.checkWrite(Area.ALERTS, s.orgUnit);
        s.delete();
    }

    /** Deliveries to the channels the caller can see, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DeliveryView> deliveries(Long channelId, AlertDelivery.Status status, PageRequest page) {
        var where = access.where("d.channel.orgUnit.path").and("d.channel.id = :channel", "channel", channelId)
                .and("d.status = :status", "status", status);
        List<AlertDelivery> found = AlertDelivery
                .<AlertDelivery>find("from AlertDelivery d join fetch d.channel where " + where + " order by d.id desc",
                        where.params())
                .page(page.page(), page.size()).list();
        long total = AlertDelivery.count("from AlertDelivery d where " + where, where.params());
        List<Long> ids = found.stream().map(d -> d.id).toList();
        List<AlertAttempt> attempts = ids.isEmpty()
                ? List.of()
                : AlertAttempt.<AlertAttempt>list("deliveryId in ?1 order by id", ids);
        List<DeliveryView> views = found.stream()
                .map(d -> DeliveryView.of(d, attempts.stream().filter(a -> a.deliveryId == d.id).toList())).toList();
        return new PageResult<>(views, page.page(), page.size(), total);
    }
}
