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
 * Pulls a JSON or CSV document with HTTP GET from the feed's {@code location}. The partner may name the content with an
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
            throw new IOException("只支持 http 和 https 地址：" + d.location());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "csv".equals(d.format()) ? "text/csv" : "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
}
