package cn.supervision.campaign.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import cn.supervision.api.campaign.Campaign;

/**
 * Tells the platform that a campaign was published ({@value #PUBLISHED}, with {@code campaignId} and
 * {@code jurisdictionCode}), e.g. for the warning rules. Asynchronous (postEvent); with no EventAdmin nothing is sent.
 */
public final class PublicationEvents {
    public static final String PUBLISHED = "cn/supervision/campaign/PUBLISHED";

    private final List<EventAdmin> admins;

    public PublicationEvents(List<EventAdmin> admins) {
        this.admins = admins;
    }

    void published(Campaign c) {
        for (EventAdmin admin : List.copyOf(admins)) {
            admin.postEvent(new Event(PUBLISHED, Map.of("campaignId", c.id(), "jurisdictionCode", c.jurisdictionCode())));
        }
    }
}
