package cn.supervision.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.platform.PlatformFeed;

/**
 * Pulls a JSON or CSV document with HTTP GET from the feed's {@code location}; credentials in it
 * ({@code https://user:password@host/...}) are sent as HTTP Basic and never shown. The partner may name the content with an
 * {@code X-Batch-Id} header (its export id); otherwise the platform uses a hash of the bytes, so an unchanged export is
 * never stored twice.
 *
 * <p>Redirects are followed here, not by the JDK client: the client would repeat every header it was given, the
 * Authorization too, to whatever host a redirect names. Credentials go only to the location's own origin (scheme,
 * host and port); a redirect elsewhere is followed without them, and never from https down to http.
 */
public class HttpFeed implements PlatformFeed {
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Fetched fetch(FeedDefinition d, int timeoutMillis) throws IOException {
        URI origin;
        try {
            origin = new URI(d.location());
        } catch (URISyntaxException e) {
            throw new IOException("地址无效（无法解析，为免泄露凭据不予显示）");
        }
        if (!isHttp(origin) || origin.getHost() == null) {
            throw new IOException("只支持 http 和 https 地址：" + masked(d.location()));
        }
        String authorization = authorization(origin);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI target = withoutUserInfo(origin);
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMillis(timeoutMillis))
                    .header("Accept", "csv".equals(d.format()) ? "text/csv" : "application/json").GET();
            if (authorization != null && HttpFeedLocation.sameOrigin(target, origin)) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("拉取被中断");
            } catch (IllegalArgumentException e) {
                throw new IOException("地址无效：" + masked(target.toString()));
            } catch (HttpConnectTimeoutException e) { // the JDK's own words ("HTTP connect timed out") are English
                throw new IOException("连接超时（" + seconds(timeoutMillis) + " 秒内未连上）");
            } catch (HttpTimeoutException e) {
                throw new IOException("响应超时（" + seconds(timeoutMillis) + " 秒内未答复）");
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new IOException("对方返回 HTTP " + status + " 但没有给出跳转地址");
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new IOException("跳转超过 " + MAX_REDIRECTS + " 次，已放弃");
                }
                target = next(target, location);
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new IOException("对方返回 HTTP " + status);
            }
            return new Fetched(response.body(), response.headers().firstValue("X-Batch-Id").orElse(null));
        }
    }

    /** Where a redirect leads: resolved against the current address, without any userinfo, never https → http. */
    private static URI next(URI current, String location) throws IOException {
        URI next;
        try {
            next = withoutUserInfo(current.resolve(new URI(location)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("对方给出的跳转地址无效");
        }
        if (!isHttp(next) || next.getHost() == null) {
            throw new IOException("对方跳转到了不支持的地址：" + masked(next.toString()));
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new IOException("对方从 https 跳转到了不加密的地址，已拒绝：" + masked(next.toString()));
        }
        return next;
    }

    /** HTTP Basic from the location's userinfo (percent-encoded in the cfg), or null. */
    private static String authorization(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return null;
        }
        String userInfo = URLDecoder.decode(uri.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    private static URI withoutUserInfo(URI uri) throws IOException {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(),
                    uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IOException("地址无效");
        }
    }

    /** A location as it may be shown or logged: credentials replaced by ***. */
    static String masked(String location) {
        return HttpFeedLocation.masked(location);
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
