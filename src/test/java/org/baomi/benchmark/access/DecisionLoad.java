package org.baomi.benchmark.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.iam.AccessRequest;

/**
 * A closed-loop HTTP load on the decision API: {@code concurrency} client threads, each sending its next request as
 * soon as the previous answer is read (Java's {@link HttpClient}, HTTP/1.1 keep-alive), for a warm-up then a measured
 * period. Latency is from sending to having read the whole body.
 */
final class DecisionLoad {

    record Result(long requests, long decisions, long errors, double seconds, Percentiles latencies, String firstError) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double decisionsPerSecond() {
            return decisions / seconds;
        }
    }

    private final HttpClient http;
    private final String token;

    DecisionLoad(String token) {
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    /** JSON of one question of the decision API. */
    static String json(AccessRequest r) {
        return "{\"personId\":" + r.personId() + ",\"action\":\"" + r.action().name() + "\",\"resourceType\":\""
                + r.resource().type() + "\",\"resourceId\":\"" + r.resource().id() + "\"}";
    }

    /** Bodies of batches of {@code size} consecutive questions of the mix. */
    static String[] batches(AccessRequest[] mix, int size, int count) {
        String[] bodies = new String[count];
        int next = 0;
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder(size * 90).append('[');
            for (int k = 0; k < size; k++) {
                if (k > 0) {
                    body.append(',');
                }
                body.append(json(mix[next]));
                next = (next + 1) % mix.length;
            }
            bodies[b] = body.append(']').toString();
        }
        return bodies;
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        return post(url, body, Duration.ofSeconds(30));
    }

    HttpResponse<String> post(String url, String body, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    Result run(String url, String[] bodies, int decisionsPerBody, int concurrency, double warmupSeconds,
            double seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger cursor = new AtomicInteger();
            long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long end = warmEnd + (long) (seconds * 1e9);
            List<Future<long[]>> futures = new ArrayList<>();
            String[] firstError = new String[1];
            long[] errors = new long[1];
            long[] lastDone = {warmEnd};
            for (int c = 0; c < concurrency; c++) {
                futures.add(clients.submit(() -> {
                    long[] samples = new long[1024];
                    int n = 0;
                    long failed = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        String body = bodies[Math.floorMod(cursor.getAndIncrement(), bodies.length)];
                        boolean ok;
                        String problem = null;
                        try {
                            HttpResponse<String> response = post(url, body);
                            ok = response.statusCode() == 200;
                            if (!ok) {
                                problem = response.statusCode() + " " + abbreviate(response.body());
                            }
                        } catch (Exception e) {
                            ok = false;
                            problem = e.toString();
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd) {
                            if (ok) {
                                if (n == samples.length) {
                                    samples = Arrays.copyOf(samples, n * 2);
                                }
                                samples[n++] = t1 - t0;
                            } else {
                                failed++;
                                synchronized (firstError) {
                                    if (firstError[0] == null) {
                                        firstError[0] = problem;
                                    }
                                }
                            }
                        }
                    }
                    synchronized (errors) {
                        errors[0] += failed;
                        lastDone[0] = Math.max(lastDone[0], System.nanoTime());
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : futures) {
                long[] part = f.get();
                int at = all.length;
                all = Arrays.copyOf(all, at + part.length);
                System.arraycopy(part, 0, all, at, part.length);
            }
            // answers that started before the end and came after it are counted: so is the time they took
            double measured = Math.max(seconds, (lastDone[0] - warmEnd) / 1e9);
            return new Result(all.length, (long) all.length * decisionsPerBody, errors[0], measured,
                    new Percentiles(all, all.length), firstError[0]);
        } finally {
            clients.shutdownNow();
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
