package cn.supervision.notification.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import cn.supervision.api.notification.Notification;
import cn.supervision.api.notification.NotificationService;
import cn.supervision.api.security.Caller;
import cn.supervision.rest.bounds.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own inbox: every user sees and marks only their own messages. */
@Path("/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inbox", description = "站内通知：当前用户自己的消息（整改期限、催报、预警等），已读/未读")
public class InboxResource {
    /** The newest this many are listed, paged by the gateway. */
    static final int NEWEST = 1_000;

    private final NotificationService notifications;

    public InboxResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    private static Caller caller(SecurityContext sc) {
        return (Caller) sc.getUserPrincipal();
    }

    @GET
    @Paged
    @Operation(summary = "我的通知", description = "最新的在前；unread=true 只列未读。只含当前用户自己的消息")
    public List<Notification> inbox(@Context SecurityContext sc, @QueryParam("unread") boolean unread) {
        return notifications.inbox(caller(sc), unread, 0, NEWEST);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "我的未读通知数")
    public Map<String, Long> unreadCount(@Context SecurityContext sc) {
        return Map.of("unread", notifications.unreadCount(caller(sc)));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "标记为已读", description = "只能标记自己的消息；他人的消息与不存在的一样答 404。重复标记保留第一次的时间")
    public Notification markRead(@Context SecurityContext sc, @PathParam("id") long id) {
        return notifications.markRead(caller(sc), id);
    }
}
