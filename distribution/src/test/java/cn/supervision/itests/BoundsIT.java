package cn.supervision.itests;

import static cn.supervision.itests.PlatformIT.API;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import cn.supervision.api.registry.RegistryService;

/**
 * Bounded inputs over real HTTP: the JSON body cap by declared length and while a chunked body streams, refusals of
 * uploads before their bodies are read, the spreadsheet limits, the indicator-system size limits and paged listings.
 * Raw sockets where what matters is how much of a body the server reads before it answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BoundsIT {
    static final int MB = 1024 * 1024;

    @Inject
    RegistryService registry;

    /** The same container as PlatformIT's, whatever it configures. */
    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    private static void healthy() throws InterruptedException {
        Http.await(API + "/v1/health", null, r -> r.status() == 200, 120_000);
    }

    /** What the server answered to a raw request: its status line and how much of the body had been sent by then. */
    record Raw(String statusLine, long sent) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    /**
     * Sends the headers of a POST, then {@code sendFirst} bytes of its body (and, when {@code chunked}, keeps streaming
     * chunks from a second thread up to {@code total}), and reads the status line of the answer without ever closing
     * the sending side: an answer can only come from a server that decided before it read the whole body.
     */
    private static Raw raw(String path, String user, String contentType, long total, boolean chunked, long sendFirst) throws Exception {
        return raw(path, user, contentType, total, chunked, sendFirst, "{\"name\":\"");
    }

    /**
     * As above, the body starting with {@code prefix} and continuing as one JSON string that never ends: the prefix puts
     * the string where the endpoint takes text, so the parser keeps reading and only the cap can stop it.
     */
    static Raw raw(String path, String user, String contentType, long total, boolean chunked, long sendFirst, String prefix) throws Exception {
        return raw("POST", path, user, contentType, total, chunked, sendFirst, prefix);
    }

    static Raw raw(String method, String path, String user, String contentType, long total, boolean chunked, long sendFirst,
            String prefix) throws Exception {
        URL u = new URL(API + path);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + u.getFile() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n");
            if (user != null) {
                head.append("Authorization: Basic ").append(Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + total + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(start, 0, chunk, 0, start.length);
                try {
                    long limit = chunked ? total : sendFirst;
                    while (sent.get() < limit) {
                        int n = (int) Math.min(chunk.length, limit - sent.get());
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(n);
                        java.util.Arrays.fill(chunk, 0, start.length, (byte) 'a');
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed the connection: the rest of the body is not wanted
                }
            }, "bounds-it-writer");
            writer.setDaemon(true);
            writer.start();
            StringBuilder line = new StringBuilder();
            InputStream in = s.getInputStream();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            long at = sent.get();
            s.close();
            writer.join(10_000);
            return new Raw(line.toString().trim(), at);
        }
    }

    @Test
    public void aJsonBodyBeyondTheCapIsRefusedByItsLengthBeforeAnythingIsRead() throws Exception {
        healthy();
        // 64 KB of a declared 100 MB sent, then nothing: the answer comes from the declared length alone (Jetty
        // dispatches a request once some of its body has arrived, so a client must send at least a little)
        Raw declared = raw("/v1/jurisdictions/370500/units", "city-admin", "application/json", 100L * MB, false, 64 * 1024);
        assertEquals(declared.statusLine(), 413, declared.status());

        // the same with a real body of just over 1 MB through an ordinary client: a problem body naming the limit
        StringBuilder big = new StringBuilder("{\"code\":\"X\",\"name\":\"");
        big.append("长".repeat(MB / 3 + 10)).append("\"}");
        Http.Reply r = Http.json("POST", API + "/v1/jurisdictions/370500/units", "city-admin", big.toString());
        assertEquals(r.body(), 413, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertTrue(r.body(), Json.anyText(r.body(), "请求体超过 1 MB 上限"));
    }

    @Test
    public void aChunkedJsonBodyIsRefusedWhileItStreamsWithoutBeingBuffered() throws Exception {
        healthy();
        Raw chunked = raw("/v1/jurisdictions/370500/units", "city-admin", "application/json", 100L * MB, true, 0);
        assertEquals(chunked.statusLine(), 413, chunked.status());
        // the server stopped reading at its cap: the client had sent a small part of the 100 MB when the answer came
        assertTrue("sent " + chunked.sent() + " bytes before the answer", chunked.sent() < 20L * MB);
        assertEquals(200, Http.get(API + "/v1/health", null).status());
    }

    @Test
    public void aBodySentToAMethodThatTakesNoneIsNeitherStoredNorWaitedFor() throws Exception {
        healthy();
        // anonymous, to the public liveness check, 100 MB streaming: CXF used to copy what the method left unread into
        // a temporary file before answering, the whole body whatever its size
        Raw get = raw("GET", "/v1/health/live", null, "application/octet-stream", 100L * MB, true, 0, "x");
        assertEquals(get.statusLine(), 200, get.status());
        assertTrue("sent " + get.sent() + " bytes before the answer", get.sent() < 20L * MB);
        // a small body nobody reads is read to its end: answered as usual, and the connection serves the next request
        URL u = new URL(API + "/v1/health/live");
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String request = "GET " + u.getFile() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n";
            out.write((request + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            String first = answerHead(in);
            assertTrue(first, first.startsWith("HTTP/1.1 200"));
            assertTrue(first, !first.toLowerCase().contains("connection: close"));
            in.readNBytes(contentLength(first));
            out.write((request + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String second = answerHead(in);
            assertTrue(second, second.startsWith("HTTP/1.1 200"));
        }
        assertEquals(200, Http.get(API + "/v1/health", null).status());
    }

    /** The status line and headers of an answer, up to the blank line. */
    private static String answerHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(head, m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    public void aWorkbookUploadIsRefusedForAnyoneWhoMayNotImportBeforeItsBodyIsRead() throws Exception {
        healthy();
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        long tenMb = 10L * MB;
        // 256 KB of a declared 10 MB sent, and then nothing: each answer comes while most of the body is unsent
        Raw anonymous = raw("/v1/jurisdictions/370500/units/import", null, xlsx, tenMb, false, 256 * 1024);
        assertEquals(anonymous.statusLine(), 401, anonymous.status());
        Raw unitUser = raw("/v1/jurisdictions/370500/units/import", "czj-user", xlsx, tenMb, false, 256 * 1024);
        assertEquals(unitUser.statusLine(), 403, unitUser.status());
        Raw otherCounty = raw("/v1/jurisdictions/370523/units/import", "lijin-admin", xlsx, tenMb, false, 256 * 1024);
        assertEquals(otherCounty.statusLine(), 403, otherCounty.status());
        Raw systems = raw("/v1/indicator-systems/import.xlsx?jurisdiction=370500&name=x&year=2026", "lijin-admin", xlsx, tenMb, false,
                256 * 1024);
        assertEquals(systems.statusLine(), 403, systems.status());
        Raw evidence = raw("/v1/campaigns/987654/inputs/1/evidence?fileName=ledger.pdf", "czj-user", "application/pdf", tenMb, false,
                256 * 1024);
        assertTrue(evidence.statusLine(), evidence.status() == 404 || evidence.status() == 403);
        // and the one who may gets 413 from the declared size alone
        Raw tooLarge = raw("/v1/jurisdictions/370500/units/import", "city-admin", xlsx, 11L * MB, false, 64 * 1024);
        assertEquals(tooLarge.statusLine(), 413, tooLarge.status());
    }

    /** 853 bytes: one merged range over the whole sheet, which once filled in took the JVM down. */
    static byte[] mergedBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                    + "<c r=\"A1\" t=\"inlineStr\"><is><t>单位名称</t></is></c></row></sheetData>"
                    + "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells></worksheet>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    public void aTinyWorkbookWithAHugeMergedRangeIsRefusedAndThePlatformStaysUp() throws Exception {
        healthy();
        byte[] bomb = mergedBomb();
        assertTrue(bomb.length < 1024);
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        long start = System.nanoTime();
        Http.Reply units = Http.call("POST", API + "/v1/jurisdictions/370500/units/import", "city-admin", xlsx, bomb);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(units.body(), 413, units.status());
        assertTrue(units.body(), Json.anyText(units.body(), "合并单元格的总面积不得超过 200000"));
        assertTrue("took " + millis + " ms", millis < 5_000);
        Http.Reply systems = Http.call("POST", API + "/v1/indicator-systems/import.xlsx?jurisdiction=370500&name=x&year=2026",
                "city-admin", xlsx, bomb);
        assertEquals(systems.body(), 413, systems.status());
        assertEquals(200, Http.get(API + "/v1/health", null).status());
    }

    @Test
    public void aDraftSystemBeyondTheNodeCapIsRefusedBeforeAnythingIsStored() throws Exception {
        healthy();
        StringBuilder leaves = new StringBuilder();
        for (int i = 0; i < 2_001; i++) {
            leaves.append(i == 0 ? "" : ",").append("{\"code\":\"N").append(i).append("\",\"name\":\"n\",\"weight\":1}");
        }
        String name = "超大草稿-" + System.nanoTime();
        String doc = "{\"format\":\"" + cn.supervision.api.indicator.IndicatorSystemDocument.FORMAT + "\",\"jurisdictionCode\":\"370500\",\"definition\":{\"name\":\"" + name
                + "\",\"year\":2026,\"indicators\":[" + leaves + "]}}";
        Http.Reply r = Http.json("POST", API + "/v1/indicator-systems", "city-admin", doc);
        assertEquals(r.body(), 400, r.status());
        assertTrue(r.body(), Json.anyText(r.body(), "指标不能超过 2000 个"));
        assertTrue(!Json.anyText(Http.get(API + "/v1/indicator-systems?jurisdiction=370500&limit=1000", "city-admin").body(), name));
    }

    @Test
    public void listingsArePagedWithTheTotalAndTheNextLink() throws Exception {
        healthy();
        String units = API + "/v1/jurisdictions/370500/units";
        Http.Reply all = Http.get(units + "?limit=1000", "city-admin");
        int total = Integer.parseInt(all.header("X-Total-Count"));
        assertTrue("the city has units: " + total, total >= 3);
        assertEquals(total, count(all.body()));

        Http.Reply first = Http.get(units + "?limit=2", "city-admin");
        assertEquals(200, first.status());
        assertTrue(first.body(), first.body().startsWith("[") && count(first.body()) == 2);
        assertEquals(String.valueOf(total), first.header("X-Total-Count"));
        Matcher next = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(first.header("Link"));
        assertTrue(first.header("Link"), next.matches());
        assertTrue(next.group(1), next.group(1).endsWith("/v1/jurisdictions/370500/units?limit=2&offset=2")
                || next.group(1).endsWith("/v1/jurisdictions/370500/units?offset=2&limit=2"));
        Http.Reply second = Http.get(next.group(1), "city-admin");
        assertEquals(2, Math.min(2, count(second.body())));
        List<Long> secondIds = Json.elements(Json.parse(second.body())).map(Json::id).toList();
        assertTrue("pages do not overlap: " + secondIds, Json.elements(Json.parse(first.body())).map(Json::id).noneMatch(secondIds::contains));

        Http.Reply last = Http.get(units + "?offset=" + (total - 1) + "&limit=5", "city-admin");
        assertEquals(1, count(last.body()));
        assertNull(last.header("Link"));

        Http.Reply tooMany = Http.get(units + "?limit=1001", "city-admin");
        assertEquals(tooMany.body(), 400, tooMany.status());
        assertTrue(tooMany.body(), tooMany.contentType().startsWith("application/problem+json") && Json.anyText(tooMany.body(), "1–1000"));
        assertEquals(400, Http.get(API + "/v1/campaigns?offset=-1", "city-admin").status());
        assertEquals(String.valueOf(count(Http.get(API + "/v1/indicator-systems?limit=1000", "city-admin").body())),
                Http.get(API + "/v1/indicator-systems?limit=1", "city-admin").header("X-Total-Count"));
    }

    /** Records in a JSON array of units or systems. */
    private static int count(String array) {
        JsonNode records = Json.parse(array);
        assertTrue(array, records.isArray());
        return records.size();
    }
}
