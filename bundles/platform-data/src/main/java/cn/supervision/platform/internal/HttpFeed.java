package cn.supervision.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.PlatformFeed;

/**
 * Pulls a JSON or CSV document with HTTP GET from the feed's {@code location}; credentials in it
 * ({@code https://user:password@host/...}) are sent as HTTP Basic and never shown. The partner may name the content with an
 * {@code X-Batch-Id} header (its export id); otherwise the platform uses a hash of the bytes, so an unchanged export is
 * never stored twice.
 */
public class HttpFeed implements PlatformFeed {

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Fetched fetch(FeedDefinition d, int timeoutMillis) throws IOException {
        URI uri;
        try {
            uri = URI.create(d.location());
        } catch (IllegalArgumentException e) {
            throw new IOException("地址无效：" + d.location());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IOException("只支持 http 和 https 地址：" + masked(d.location()));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri)).timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "csv".equals(d.format()) ? "text/csv" : "application/json").GET();
        if (uri.getRawUserInfo() != null) {
            // https://user:password@host/...: HTTP Basic with those credentials (percent-encoded in the cfg)
            String userInfo = java.net.URLDecoder.decode(uri.getRawUserInfo().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("拉取被中断");
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("对方返回 HTTP " + response.statusCode());
        }
        return new Fetched(response.body(), response.headers().firstValue("X-Batch-Id").orElse(null));
    }

    private static URI withoutUserInfo(URI uri) throws IOException {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IOException("地址无效");
        }
    }

    /** A location as it may be shown or logged: credentials replaced by ***. */
    static String masked(String location) {
        return location == null ? null : location.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
    }
}
