import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A document's electronic file end to end over HTTP (issue 5 item 2, DOC-9): raw BouncyCastle SM4-GCM on one core
 * first, then a custodian of the demo hospital uploads a generated file as the browser does (raw PUT body, CSRF
 * header) and downloads it; MB/s of each against raw SM4-GCM (target >= 0.80), then a large file with the server's
 * peak heap sampled with jstat (flat heap: streamed, never held whole). Started by benchmarks/document-files.sh
 * through benchmarks/run.sh (which passes --base-url, --server-pid).
 */
public class DocumentFilesLoad {

    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern DOC_LINK = Pattern.compile("href=\"/documents/(\\d+)\"");

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080";
        long pid = -1;
        int mb = 200;
        int largeMb = 1024;
        int warmupMb = 64;
        int waitReady = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base-url" -> base = args[++i];
                case "--server-pid" -> pid = Long.parseLong(args[++i]);
                case "--mb" -> mb = Integer.parseInt(args[++i]);
                case "--large-mb" -> largeMb = Integer.parseInt(args[++i]);
                case "--warmup-mb" -> warmupMb = Integer.parseInt(args[++i]);
                case "--wait-ready" -> waitReady = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        // Tomcat listens before the demo hospital is loaded: readiness turns UP only after it
        if (waitReady > 0 && !awaitReady(base, waitReady)) {
            throw new IllegalStateException("Baomi was not ready within " + waitReady + " s");
        }
        double rawEnc = raw(true);
        double rawDec = raw(false);
        System.out.printf(Locale.ROOT, "raw BouncyCastle SM4-GCM, one core: encrypt %.1f MB/s, decrypt %.1f MB/s%n",
                rawEnc, rawDec);

        String password = System.getenv().getOrDefault("BAOMI_DEMO_PASSWORD", "Baomi#Demo2026");
        // A custodian of the confidentiality office (second factor: the demo hospital's shared TOTP secret) who keeps
        // a document still REGISTERED (the page then offers the upload).
        HttpClient client = null;
        String staff = null;
        String document = null;
        for (String candidate : new String[] {"H0010", "H0011", "H0012", "H0013"}) {
            if (document != null) {
                break;
            }
            HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            if (!signIn(c, base, candidate, password)) {
                continue;
            }
            String kept = c.send(get(base + "/documents/kept"), HttpResponse.BodyHandlers.ofString()).body();
            Matcher link = DOC_LINK.matcher(kept);
            while (link.find() && document == null) {
                String page = c.send(get(base + "/documents/" + link.group(1)), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (page.contains("id=\"file-upload\"")) {
                    document = link.group(1);
                    staff = candidate;
                    client = c;
                }
            }
        }
        if (document == null) {
            throw new IllegalStateException("no demo custodian H0010-H0013 signs in and keeps a registered document");
        }
        System.out.println("custodian " + staff + ", document " + document);

        if (warmupMb > 0) {
            // the first transfer after start-up runs while the JIT compiles the path and the buffers are cold
            Result warm = roundTrip(client, base, document, warmupMb, pid);
            System.out.printf(Locale.ROOT, "warm-up  %d MB round trip (not counted): upload %.1f MB/s, download "
                    + "%.1f MB/s%n", warmupMb, warm.upMbS, warm.downMbS);
        }
        Result small = roundTrip(client, base, document, mb, pid);
        System.out.printf(Locale.ROOT, "upload   %d MB over HTTP: %.1f MB/s = %.2f x raw encrypt (target >= 0.80)%n", mb,
                small.upMbS, small.upMbS / rawEnc);
        System.out.printf(Locale.ROOT, "download %d MB over HTTP: %.1f MB/s = %.2f x raw decrypt (target >= 0.80)%n", mb,
                small.downMbS, small.downMbS / rawDec);
        if (largeMb > 0) {
            Result large = roundTrip(client, base, document, largeMb, pid);
            System.out.printf(Locale.ROOT, "large %d MB: upload %.1f MB/s, download %.1f MB/s, server peak heap used "
                    + "%.0f MB (sampled by jstat; flat heap: not proportional to the file)%n", largeMb, large.upMbS,
                    large.downMbS, large.peakHeapMb);
        }
    }

    record Result(double upMbS, double downMbS, double peakHeapMb) {
    }

    static Result roundTrip(HttpClient client, String base, String document, int mb, long pid) throws Exception {
        String page = client.send(get(base + "/documents/" + document), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF_META.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the document's page");
        }
        long size = (long) mb << 20;
        HeapSampler heap = new HeapSampler(pid);
        heap.start();
        long t0 = System.nanoTime();
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(URI.create(base + "/documents/" + document + "/file"))
                .header("Content-Type", "application/octet-stream")
                .header("X-File-Name", URLEncoder.encode("bench-" + mb + ".bin", StandardCharsets.UTF_8))
                .header("X-CSRF-TOKEN", csrf.group(1))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size)), size))
                .build(), HttpResponse.BodyHandlers.ofString());
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        if (up.statusCode() != 200) {
            throw new IllegalStateException("upload answered " + up.statusCode() + ": " + up.body());
        }
        long t1 = System.nanoTime();
        HttpResponse<InputStream> down = client.send(get(base + "/documents/" + document + "/file"),
                HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = down.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                read += n;
            }
        }
        double downSeconds = (System.nanoTime() - t1) / 1e9;
        heap.stop.set(true);
        heap.join();
        if (down.statusCode() != 200 || read != size) {
            throw new IllegalStateException("download answered " + down.statusCode() + " with " + read + " bytes");
        }
        return new Result(mb / upSeconds, mb / downSeconds, heap.peak.get() / 1024.0);
    }

    /** Samples the server's used heap (KB: survivor + eden + old) with jstat every 200 ms. */
    static final class HeapSampler extends Thread {
        final long pid;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong peak = new AtomicLong();

        HeapSampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (pid < 0) {
                return;
            }
            while (!stop.get()) {
                try {
                    Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
                    String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
                    p.waitFor();
                    if (lines.length >= 2) {
                        String[] head = lines[0].trim().split("\\s+");
                        String[] val = lines[1].trim().split("\\s+");
                        double used = 0;
                        for (int i = 0; i < head.length && i < val.length; i++) {
                            if (head[i].equals("S0U") || head[i].equals("S1U") || head[i].equals("EU")
                                    || head[i].equals("OU")) {
                                used += Double.parseDouble(val[i]);
                            }
                        }
                        long kb = (long) used;
                        peak.accumulateAndGet(kb, Math::max);
                    }
                    Thread.sleep(200);
                } catch (IOException | InterruptedException | NumberFormatException e) {
                    return;
                }
            }
        }
    }

    /** Pseudo-random incompressible bytes, generated as read (the client never holds the file). */
    static final class Generated extends InputStream {
        long left;
        long x = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                b[off + i] = (byte) x;
            }
            left -= n;
            return n;
        }
    }

    /** Raw SM4-GCM on one core, 256 KiB segments as the vault seals them, for about 3 s after a warm-up. */
    static double raw(boolean encrypt) throws Exception {
        byte[] key = new byte[16];
        byte[] segment = new byte[256 * 1024 + 16];
        byte[] out = new byte[segment.length + 16];
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        byte[] sealed = new byte[256 * 1024 + 16];
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, new byte[12]));
        int len = gcm.processBytes(segment, 0, 256 * 1024, sealed, 0);
        gcm.doFinal(sealed, len);
        long bytes = 0;
        long start = 0;
        int counter = 0;
        for (int round = 0; round < 2; round++) {
            bytes = 0;
            start = System.nanoTime();
            long until = start + (round == 0 ? 1_000_000_000L : 3_000_000_000L);
            while (System.nanoTime() < until) {
                // a fresh nonce for every encryption (GCM refuses a repeated one); the sealing above used all zeros
                byte[] nonce = java.nio.ByteBuffer.allocate(12).putInt(4, ++counter).array();
                if (encrypt) {
                    gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
                    int n = gcm.processBytes(segment, 0, 256 * 1024, out, 0);
                    gcm.doFinal(out, n);
                } else {
                    gcm.init(false, new AEADParameters(new KeyParameter(key), 128, new byte[12]));
                    int n = gcm.processBytes(sealed, 0, sealed.length, out, 0);
                    gcm.doFinal(out, n);
                }
                bytes += 256 * 1024;
            }
        }
        return bytes / 1048576.0 / ((System.nanoTime() - start) / 1e9);
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    /** The demo hospital's shared second factor of staff cleared SECRET or above (docs/demo-hospital.md). */
    static final String DEMO_TOTP = System.getenv().getOrDefault("BAOMI_DEMO_TOTP", "HOSPITALDEMOTOTPSECRETBAOMI56723");

    static boolean awaitReady(String base, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    static boolean signIn(HttpClient client, String base, String staffNo, String password) throws Exception {
        HttpResponse<String> page = client.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF_INPUT.matcher(page.body());
        if (!m.find()) {
            return false;
        }
        String next = post(client, base + "/login", "username=" + enc(staffNo) + "&password=" + enc(password)
                + "&_csrf=" + enc(m.group(1)));
        if (next.endsWith("/login/totp")) {
            Matcher t = CSRF_INPUT.matcher(client.send(get(base + "/login/totp"), HttpResponse.BodyHandlers.ofString())
                    .body());
            if (!t.find()) {
                return false;
            }
            next = post(client, base + "/login/totp", "code=" + totp(DEMO_TOTP) + "&_csrf=" + enc(t.group(1)));
        }
        return !next.isEmpty() && !next.contains("/login");
    }

    static String post(HttpClient client, String url, String form) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302 ? r.headers().firstValue("Location").orElse("") : "";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits. */
    static String totp(String base32) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
        int o = h[h.length - 1] & 0x0f;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
        return String.format(Locale.ROOT, "%06d", code);
    }
}
