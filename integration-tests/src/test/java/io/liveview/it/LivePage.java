package io.liveview.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a first render gives a client that wants to join its view: the view id and token, the CSRF
 * token and the session cookie (the one sent, or the one the server set).
 *
 * @param viewId the live root's id
 * @param token  its view token
 * @param csrf   the page's CSRF token
 * @param cookie {@code lv_session=...}, to send with the socket upgrade
 */
public record LivePage(String viewId, String token, String csrf, String cookie) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Loads a live page from 127.0.0.1, in the session of {@code cookie} (null for a new session).
     *
     * @param port   the server's port
     * @param path   the page's path
     * @param cookie {@code lv_session=...}, or null for a new session
     * @return what the page gives a client to join its view
     * @throws IOException          if the page is not a live page answered with 200
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static LivePage load(int port, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        Document document = Jsoup.parse(response.body());
        Element root = document.selectFirst("[data-lv-root]");
        Element csrf = document.selectFirst("meta[name=lv-csrf]");
        if (root == null || csrf == null) {
            throw new IOException("GET " + path + " has no live root or CSRF token");
        }
        String session = response.headers().firstValue("Set-Cookie")
                .map(c -> c.substring(0, c.indexOf(';'))).orElse(cookie);
        return new LivePage(root.id(), root.attr("data-lv-token"), csrf.attr("content"), session);
    }

    /** Signs in to the demo with a name, as its login form does; returns the signed-in session's cookie. */
    static String signIn(int port, String name) throws IOException, InterruptedException {
        LivePage login = load(port, "/login", null);
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&next=/todo&_csrf=" + login.csrf();
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(20)).header("Cookie", login.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 303) {
            throw new IOException("POST /login answered " + response.statusCode());
        }
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("no session cookie"));
        return cookie.substring(0, cookie.indexOf(';'));
    }
}
