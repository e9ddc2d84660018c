package cn.supervision.api.notification;

/**
 * What to tell someone: a subject and a body in Chinese, the API path of the record it is about (the console turns it
 * into a page), and a category (e.g. {@code RECTIFICATION_DUE}) so inboxes can be filtered and reminders de-duplicated.
 */
public record Message(String category, String subject, String body, String link) {
}
