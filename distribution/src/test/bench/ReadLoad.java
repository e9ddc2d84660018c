import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Read load for boot-and-memory.sh, run as a single-file program (java ReadLoad.java BASE CLIENTS SECONDS URL...):
 * each client reads the given URLs in turn over its own connection, as city-admin, for the given time, then the
 * request count, errors and latency percentiles are printed. Trusts any certificate: the tarball's is self-signed.
 */
public class ReadLoad {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        List<String> paths = List.of(args).subList(3, args.length);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        String auth = "Basic " + Base64.getEncoder().encodeToString("city-admin:city-admin-demo".getBytes());
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; System.nanoTime() < end; i++) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                            .header("Authorization", auth).header("Accept-Encoding", "gzip").build();
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - t0);
                }
                latencies.addAll(mine);
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        List<Long> all = new ArrayList<>(latencies);
        Collections.sort(all);
        System.out.printf("load: %d requests (%.0f req/s), %d errors, p50 %.1f ms, p99 %.1f ms%n", all.size(),
                all.size() / Double.parseDouble(args[2]), errors.get(), pct(all, 0.50), pct(all, 0.99));
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }
}
