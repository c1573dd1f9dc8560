package io.liveview.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liveview.core.pubsub.LocalPubSub;
import io.liveview.diff.Differ;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.ProxyPeerAddressHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP and WebSocket server: serves each live route's first render as a full page, the browser
 * client, and the socket that keeps the views live.
 *
 * <pre>{@code
 * LiveViewServer server = LiveViewServer.builder()
 *     .live("/counter", CounterLive::new)
 *     .port(8080)
 *     .start();
 * }</pre>
 *
 * <p>An existing Undertow application mounts the whole server under a path prefix instead, with
 * {@link Builder#build()} and {@link #handler()}:
 *
 * <pre>{@code
 * LiveViewServer live = LiveViewServer.builder().live("/counter", CounterLive::new).build();
 * Undertow.builder().addHttpListener(8080, "0.0.0.0")
 *     .setHandler(Handlers.path(appHandler).addPrefixPath("/live", live.handler()))
 *     .build().start();
 * }</pre>
 */
public final class LiveViewServer implements AutoCloseable {

    /** The path of the page's WebSocket (below the prefix of a {@linkplain #handler() mounted} server). */
    public static final String SOCKET_PATH = "/_lv/socket";
    /** The path the browser client is served at (below the prefix of a mounted server). */
    public static final String CLIENT_PATH = "/_lv/liveview.js";

    private static final Logger LOG = LoggerFactory.getLogger(LiveViewServer.class);
    static final String SESSION_COOKIE = "lv_session";
    /** Carries a view's flash across a redirect, set by the client for the next page's first render. */
    static final String FLASH_COOKIE = "lv_flash";
    private static final int SHUTDOWN_WAIT_SECONDS = 5;
    private static final AttachmentKey<RouteMatch> ROUTE_MATCH = AttachmentKey.create(RouteMatch.class);
    private static final AttachmentKey<String> SOCKET_BASE = AttachmentKey.create(String.class);
    /** Where the ids of ended sessions go, so that every node disconnects their pages. */
    static final String SESSION_ENDED_TOPIC = "lv:session-ended";
    /** The assign every view gets: its session's CSRF token, for forms that post to endpoints. */
    static final String CSRF_ASSIGN = "lvCsrf";
    private static final int HARD_HEADER_CAP_FACTOR = 4;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_PARAMETERS = 200;

    /** A live route: {@code path} is its template, e.g. {@code /todo/{id}}. */
    record Route(String path, Supplier<? extends LiveView> factory, PathTemplate template, List<OnMount> hooks) {
    }

    /** A request path's route and the values of its path parameters. */
    record RouteMatch(Route route, Map<String, String> values) {
    }

    /** Settings fixed at start. */
    record Config(int mailboxCapacity, Set<String> allowedOrigins, String title, String layout,
                  Limits limits, SecurityHeaders headers, boolean devMode, boolean wholeRenders) {
    }

    private final Config config;
    private final Map<String, Route> routes;
    private final Endpoints endpoints;
    private final EndpointRunner endpointRunner;
    private final Tokens tokens;
    private final Renderer renderer;
    private final ErrorPages errorPages;
    private final Differ differ = new Differ();
    private final ObjectMapper json = new ObjectMapper();
    private final LogLimiter logs = new LogLimiter();
    private final PubSub pubSub;
    private final WaitingRoom<ViewProcess.FirstRender> firstRenders;
    private final WaitingRoom<ViewProcess> lostViews;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final EndedSessions endedSessions = new EndedSessions();
    private final ExecutorService pageRenders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = timers();
    private final ClientScript client;
    private final StaticFiles staticFiles;
    private final Metrics metrics;
    private final HttpHandler handler;
    private final Undertow undertow; // null when the application's Undertow mounts the handler
    private final TemplateWatcher templateWatcher; // null unless dev mode has template folders

    private final WebSocketProtocolHandshakeHandler socketHandshake = new WebSocketProtocolHandshakeHandler(this::onSocket);
    // First renders are gzipped for browsers that accept it: a 1,000-row table shrinks about tenfold.
    private final HttpHandler pages = new EncodingHandler(
            this::dispatchPage,
            new ContentEncodingRepository().addEncodingHandler("gzip", new GzipEncodingProvider(), 50));

    private LiveViewServer(Builder builder, boolean listen) {
        DevMode dev = DevMode.resolve(builder.devMode, builder.devTemplates);
        this.config = new Config(builder.mailboxCapacity, Set.copyOf(builder.allowedOrigins), builder.title,
                builder.layout, builder.limits(), builder.headers(), dev.on(), builder.wholeRenders);
        this.routes = Map.copyOf(builder.routes);
        this.endpoints = builder.endpoints.copy();
        this.pubSub = builder.pubSub != null ? builder.pubSub : new LocalPubSub();
        Limits limits = config.limits();
        this.firstRenders = new WaitingRoom<>(limits.mountOnceWindow(), limits.maxWaitingViews(), scheduler, unadopted -> { });
        this.lostViews = new WaitingRoom<>(limits.resumeGrace(), limits.maxWaitingViews(), scheduler,
                unclaimed -> unclaimed.close(TerminateReason.CLOSED));
        this.tokens = new Tokens(secret(builder.secret), builder.encryptSessions, builder.tokenMaxAge, Clock.systemUTC(), json);
        this.endpointRunner = new EndpointRunner(tokens, json, logs, pageRenders, limits.maxBodyBytes(), this::session,
                ended -> {
                    // Void it here before the response leaves; the other nodes hear it through PubSub.
                    endedSessions.add(ended);
                    pubSub.broadcast(SESSION_ENDED_TOPIC, ended);
                });
        // Every node voids a session that ended anywhere and closes its sockets.
        pubSub.subscribe(SESSION_ENDED_TOPIC, ended -> {
            endedSessions.add((String) ended);
            closeSession((String) ended);
        });
        this.renderer = new Renderer(builder.classLoader, dev);
        this.errorPages = new ErrorPages(renderer, builder.notFoundPage, builder.errorPage, dev.on());
        this.client = new ClientScript(dev.on());
        this.staticFiles = new StaticFiles(builder.classLoader, dev);
        // The only place MicrometerMetrics is named: without a registry its class is never loaded.
        this.metrics = builder.meterRegistry == null ? Metrics.NONE
                : new MicrometerMetrics(builder.meterRegistry, routes.keySet(), this);
        // Undertow's handler puts the forwarded scheme and host in the exchange, where the cookie and origin checks look.
        HttpHandler routing = builder.trustForwardedHeaders ? new ProxyPeerAddressHandler(this::handle) : this::handle;
        this.handler = new HttpGuard(limits, config.headers(), this::allowedMethods, routing);
        this.templateWatcher = dev.templates().isEmpty() ? null : new TemplateWatcher(dev.templates(), this::templatesChanged);
        if (listen) {
            this.undertow = listen(builder.host, builder.port, limits, handler);
            LOG.info("LiveView listening on http://{}:{}, routes:{}", builder.host, port(), routeTable());
        } else {
            this.undertow = null;
            LOG.info("LiveView ready to be mounted, routes:{}", routeTable());
        }
    }

    /** One line a route, sorted by path, for the start-up log: which paths exist is the first thing to check. */
    String routeTable() {
        record Line(String path, String text) {
        }
        List<Line> lines = new ArrayList<>();
        routes.values().forEach(route -> lines.add(new Line(route.path(), String.format("%n  %-5s %s%s", "LIVE", route.path(),
                route.hooks().isEmpty() ? "" : "  (" + route.hooks().size() + " mount hook" + (route.hooks().size() == 1 ? ")" : "s)")))));
        endpoints.all().forEach(endpoint -> lines.add(new Line(endpoint.path(),
                String.format("%n  %-5s %s", endpoint.method(), endpoint.path()))));
        lines.sort(Comparator.comparing(Line::path));
        return lines.stream().map(Line::text).collect(Collectors.joining());
    }

    /** Starts an Undertow of our own, with the limits only a listener can enforce (a mounted server has the application's). */
    private static Undertow listen(String host, int port, Limits limits, HttpHandler handler) {
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, host)
                // Undertow counts this from the first byte of a request, so one byte a second cannot stretch it.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.requestParseTimeout().toMillis())
                // Also closes a connection that never sends a request.
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.keepAliveTimeout().toMillis())
                // HttpGuard answers 431 past maxHeaderBytes; Undertow's own cap only stops it buffering without end.
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, HARD_HEADER_CAP_FACTOR * limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, limits.maxBodyBytes())
                // Browsers send a few dozen of each; every one costs the parser an object.
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_COOKIES, HttpGuard.MAX_COOKIES)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
                .setHandler(handler)
                .build();
        undertow.start();
        return undertow;
    }

    /**
     * @return a builder for a server
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the port the server listens on (the chosen one when built with port 0)
     * @throws IllegalStateException if the server was {@linkplain Builder#build() built} to be
     *                               mounted, without a listener of its own
     */
    public int port() {
        if (undertow == null) {
            throw new IllegalStateException("this server has no listener of its own: it is mounted through handler()");
        }
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /**
     * The whole server as one Undertow handler, for an application's own Undertow to mount, usually
     * under a path prefix: {@code Handlers.path(appHandler).addPrefixPath("/live", server.handler())}.
     * Routes, endpoints and static files are declared without the prefix; the pages, the client's
     * socket, {@code @{/...}} links in templates, redirects and the session cookie's path carry it.
     * It holds everything the standalone server serves: the request limits (but see
     * {@link Builder#build()}), security headers, gzip, the socket, static files and error pages.
     *
     * @return the handler every request of this server goes through
     */
    public HttpHandler handler() {
        return handler;
    }

    /**
     * Closes every page's socket with code 1001 (going away). Pages reconnect by themselves and
     * their views resume within the grace period ({@link Builder#resumeGrace}); useful in tests.
     */
    public void closeConnections() {
        new ArrayList<>(connections).forEach(c -> c.close(CloseMessage.GOING_AWAY, "server closed the connection"));
    }

    /**
     * @return the topics views and other code publish on (the builder's adapter, by default one
     *     within this JVM)
     */
    public PubSub pubSub() {
        return pubSub;
    }

    /**
     * Ends every view (each runs its {@link LiveView#terminate} with {@link TerminateReason#SHUTDOWN}),
     * tells every page to reconnect (close code 1001), and stops listening. Returns when the views
     * have ended or after {@value #SHUTDOWN_WAIT_SECONDS} s, whichever comes first. A mounted server
     * leaves the application's Undertow running; take its handler out of the routing first.
     */
    public void stop() {
        if (templateWatcher != null) {
            templateWatcher.close();
        }
        List<CompletableFuture<?>> ending = new ArrayList<>();
        connections.forEach(c -> ending.add(c.terminateAll(TerminateReason.SHUTDOWN)));
        lostViews.drain().forEach(waiting -> ending.add(waiting.close(TerminateReason.SHUTDOWN)));
        try {
            CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new)).get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("stopping without waiting longer for views to terminate");
        } catch (ExecutionException e) {
            LOG.warn("a view failed to terminate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnections();
        if (undertow != null) {
            undertow.stop();
        }
        lostViews.drain().forEach(late -> late.close(TerminateReason.SHUTDOWN));
        pageRenders.shutdown();
        scheduler.shutdownNow();
        pubSub.close();
        metrics.close();
        LOG.info("LiveView stopped");
    }

    @Override
    public void close() {
        stop();
    }

    Config config() {
        return config;
    }

    /** The server's JSON mapper, for what views hand the wire (pushed events). */
    ObjectMapper json() {
        return json;
    }

    Tokens tokens() {
        return tokens;
    }

    Renderer renderer() {
        return renderer;
    }

    Differ differ() {
        return differ;
    }

    WaitingRoom<ViewProcess.FirstRender> firstRenders() {
        return firstRenders;
    }

    WaitingRoom<ViewProcess> lostViews() {
        return lostViews;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    LogLimiter logs() {
        return logs;
    }

    Metrics metrics() {
        return metrics;
    }

    Route route(String template) {
        return routes.get(template);
    }

    /** The route a request path goes to: a literal route before any with parameters. */
    RouteMatch match(String path) {
        PathTemplate.Found<Route> found = PathTemplate.find(routes, Route::template, path);
        return found == null ? null : new RouteMatch(found.route(), found.values());
    }

    /**
     * Closes every socket of a session (it ended): the pages reconnect, their joins are refused for
     * the old session, and they reload.
     */
    private void closeSession(String sessionId) {
        connections.stream().filter(c -> sessionId.equals(c.sessionId()))
                .forEach(c -> c.close(CloseMessage.NORMAL_CLOSURE, "signed out"));
    }

    /** How many view processes all sockets keep; for tests that look for leaks. */
    int processCount() {
        return connections.stream().mapToInt(Connection::processCount).sum();
    }

    int socketCount() {
        return connections.size();
    }

    /** Views joined on a socket, over all sockets; read when metrics are scraped, not kept up to date. */
    int joinedViewCount() {
        return connections.stream().mapToInt(Connection::joinedCount).sum();
    }

    void forget(Connection connection) {
        connections.remove(connection);
    }

    /**
     * Dev mode: templates were saved. A layout edit reloads every open page, as no view's render
     * holds the layout; any other edit renders every live view again (an empty set means unknown).
     */
    private void templatesChanged(Set<String> names) {
        boolean layout = names.contains(Page.layout(config));
        LOG.info("dev mode: {} saved; {}", names.isEmpty() ? "templates" : names,
                layout ? "reloading open pages" : "rendering live views again");
        connections.forEach(connection -> connection.templatesChanged(layout));
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        String path = MountPath.path(exchange);
        Endpoints.Match endpoint;
        RouteMatch page;
        if (path.equals(SOCKET_PATH)) {
            upgrade(exchange);
        } else if (path.equals(CLIENT_PATH)) {
            client.serve(exchange);
        } else if ((endpoint = endpoint(exchange.getRequestMethod(), path)) != null) {
            endpointRunner.serve(exchange, endpoint);
        } else if ((page = match(path)) != null) {
            // Matched once: the page render behind the gzip handler reads it from the exchange.
            exchange.putAttachment(ROUTE_MATCH, page);
            pages.handleRequest(exchange);
        } else if (path.startsWith(StaticFiles.PREFIX)) {
            staticFiles.serve(exchange);
        } else {
            errorPages.notFound(exchange);
        }
    }

    /** A request's endpoint, unless a live route's literal path beats a GET endpoint's template. */
    private Endpoints.Match endpoint(HttpString method, String path) {
        Endpoints.Match endpoint = endpoints.match(method, path);
        if (endpoint == null || endpoint.route().template().isLiteral() || method.equals(Methods.POST)) {
            return endpoint;
        }
        RouteMatch page = match(path);
        return page != null && page.route().template().isLiteral() ? null : endpoint;
    }

    /** The {@code Allow} of a path, for HttpGuard: POST only where an endpoint takes it. */
    private String allowedMethods(String path) {
        if (path.equals(SOCKET_PATH)) {
            return "GET";
        }
        if (endpoints.match(Methods.POST, path) == null) {
            return "GET, HEAD";
        }
        boolean servesGet = path.equals(CLIENT_PATH) || path.startsWith(StaticFiles.PREFIX)
                || endpoints.match(Methods.GET, path) != null || match(path) != null;
        return servesGet ? "GET, HEAD, POST" : "POST";
    }

    private void onSocket(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        Session session = session(cookie(exchange.getRequestHeader("Cookie"), SESSION_COOKIE));
        String sessionId = session == null ? null : session.id();
        WebSocketTransport transport = new WebSocketTransport(channel, config.limits(), logs, metrics);
        transport.start(connect(transport, sessionId, exchange.getAttachment(SOCKET_BASE)));
    }

    /**
     * A page's socket over a transport: the WebSocket's, or {@link LiveViewTest}'s in memory.
     *
     * @param sessionId the page's browser session, {@code null} if its cookie did not verify
     * @param base      the prefix the server is mounted under where the socket reached it
     */
    Connection connect(Connection.Transport transport, String sessionId, String base) {
        Connection connection = new Connection(this, transport, sessionId, base);
        connections.add(connection);
        return connection;
    }

    private void upgrade(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!originAllowed(origin, host)) {
            logs.warn(LOG, "foreign_origin", "refused a socket from origin {} (host {})", Echo.of(origin), Echo.of(host));
            plain(exchange, StatusCodes.FORBIDDEN, "This origin may not open a LiveView socket");
            return;
        }
        if (connections.size() >= config.limits().maxSockets()) {
            logs.warn(LOG, "too_many_sockets", "refused a socket: {} are open", config.limits().maxSockets());
            plain(exchange, StatusCodes.SERVICE_UNAVAILABLE, "Too many open sockets; try again later");
            return;
        }
        // The handshake's callback sees only a wrapper of the exchange, which shares its attachments.
        exchange.putAttachment(SOCKET_BASE, MountPath.base(exchange));
        socketHandshake.handleRequest(exchange);
    }

    private boolean originAllowed(String origin, String host) {
        if (origin == null) {
            return false;
        }
        if (config.allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void dispatchPage(HttpServerExchange exchange) {
        RouteMatch match = exchange.getAttachment(ROUTE_MATCH);
        exchange.dispatch(pageRenders, () -> deadRender(exchange, match));
    }

    private void deadRender(HttpServerExchange exchange, RouteMatch match) {
        Route route = match.route();
        String base = MountPath.base(exchange);
        Session session = session(exchange);
        if (session == null) {
            session = Session.fresh();
            setSessionCookie(exchange, tokens.signSession(session));
        }
        String viewId = "lv-" + Tokens.randomId();
        // Each page render has a thread of its own: removing the keys afterwards leaves nothing behind.
        MDC.put(ViewProcess.MDC_VIEW, viewId);
        MDC.put(ViewProcess.MDC_ROUTE, route.path());
        try {
            String query = exchange.getQueryString().isEmpty() ? null : exchange.getQueryString();
            Cookie flashCookie = exchange.getRequestCookie(FLASH_COOKIE);
            Map<String, String> flash = Map.of();
            if (flashCookie != null) {
                flash = tokens.verifyFlash(flashCookie.getValue(), session.id());
                exchange.setResponseCookie(new CookieImpl(FLASH_COOKIE, "").setPath("/").setMaxAge(0)); // shown once
            }
            FirstPage page = firstPage(match, MountPath.path(exchange), query, base, session, viewId, flash,
                    !exchange.getRequestMethod().equals(Methods.HEAD));
            if (page.halted()) {
                halted(exchange, base, page.redirect());
                return;
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseSender().send(page.html(), StandardCharsets.UTF_8);
        } catch (BadParamException e) {
            logs.warn(LOG, "bad_param " + route.path(), "view {} ({}): no such page: {}", viewId, route.path(), e.getMessage());
            errorPages.notFound(exchange);
        } catch (Exception | LinkageError e) {
            LOG.error("view {} ({}): first render failed", viewId, route.path(), e);
            errorPages.failed(exchange, viewId, e);
        } finally {
            MDC.remove(ViewProcess.MDC_VIEW);
            MDC.remove(ViewProcess.MDC_ROUTE);
        }
    }

    /**
     * What a first render came to: the whole page, or {@code halted} by a mount hook or the mount,
     * which sent the visitor to {@code redirect} (a path below the prefix) or, when that is
     * {@code null}, refused them.
     */
    record FirstPage(String html, boolean halted, String redirect) {
    }

    /**
     * The first render of a page, for an HTTP request or for {@link LiveViewTest}: the route's hooks,
     * the view's mount and render, its token, and the page around it.
     *
     * @param flash     the flash a redirect brought from the previous page
     * @param adoptable whether the page's socket may adopt the mounted instance (not for a HEAD)
     * @throws BadParamException when a path parameter does not fit (404); any other exception is a
     *                           failed render (500)
     */
    FirstPage firstPage(RouteMatch match, String path, String query, String base, Session session, String viewId,
                        Map<String, String> flash, boolean adoptable) throws Exception {
        Route route = match.route();
        Metrics.Route meters = metrics.route(route.path());
        LiveView view = route.factory().get();
        Socket socket = new Socket(viewId, false, Socket.disconnected(viewId));
        // Forms in the view's template post it as _csrf to the app's endpoints.
        socket.assign(CSRF_ASSIGN, tokens.csrf(session.id()));
        flash.forEach(socket::putFlash);
        Params params = Params.parse(path, query, match.values());
        if (!OnMounts.pass(route.hooks(), params, session, socket)) {
            return new FirstPage(null, true, socket.redirectTarget());
        }
        long mountStart = meters.start();
        view.mount(params, session, socket);
        if (socket.redirectTarget() == null) {
            view.handleParams(params, socket);
        }
        meters.mounted(mountStart);
        if (socket.redirectTarget() != null) {
            return new FirstPage(null, true, socket.redirectTarget());
        }
        long renderStart = meters.start();
        Components components = socket.components();
        String inner = components.renderView(renderer, view, base);
        meters.rendered(renderStart);
        inner = components.whole(inner, renderer, base, null, meters);
        String token = tokens.signView(viewId, route.path(), path, session, Tokens.hash(inner));
        String page = Page.render(renderer, config, socket.assigns(), base, viewId, token, tokens.csrf(session.id()), inner);
        if (adoptable) {
            // Mount once: the page's socket adopts this instance if it joins soon enough.
            firstRenders.admit(viewId, session.id(), route.path(), new ViewProcess.FirstRender(view, socket, params));
        }
        return new FirstPage(page, false, null);
    }

    /** A mount hook halted the first render, or the mount redirected: off to the target (a path below {@code base}), or refused. */
    private static void halted(HttpServerExchange exchange, String base, String target) {
        if (target == null) {
            plain(exchange, StatusCodes.FORBIDDEN, "Forbidden");
            return;
        }
        exchange.setStatusCode(StatusCodes.FOUND);
        exchange.getResponseHeaders().put(Headers.LOCATION, base + target);
        exchange.endExchange();
    }

    /** The request's session, or {@code null} if it has no valid {@code lv_session} cookie. */
    Session session(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(SESSION_COOKIE);
        return session(cookie == null ? null : cookie.getValue());
    }

    /** The session of a cookie value, or {@code null} if it does not verify or the session ended. */
    private Session session(String cookieValue) {
        Session session = tokens.verifySession(cookieValue);
        return session == null || endedSessions.contains(session.id()) ? null : session;
    }

    /**
     * Sets the session cookie: never readable by scripts, not sent by other sites' requests, only
     * over TLS when the page came over TLS (as the proxy says, if trusted), and only to the server's
     * own paths when it is mounted under a prefix.
     */
    static void setSessionCookie(HttpServerExchange exchange, String value) {
        String base = MountPath.base(exchange);
        exchange.setResponseCookie(new CookieImpl(SESSION_COOKIE, value).setPath(base.isEmpty() ? "/" : base)
                .setHttpOnly(true).setSameSiteMode("Lax").setSecure("https".equalsIgnoreCase(exchange.getRequestScheme())));
    }

    /** Answers with a short text that must never contain client input, so it can reflect nothing. */
    static void plain(HttpServerExchange exchange, int status, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(message + "\n", StandardCharsets.UTF_8);
    }

    private static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    /** One thread for every timer and wait; a cancelled one leaves at once, not when it would have run. */
    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("lv-timers").daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    private static byte[] secret(String configured) {
        String secret = configured != null ? configured : System.getenv("LIVEVIEW_SECRET");
        if (secret != null && !secret.isBlank()) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        LOG.warn("No LiveView secret configured (builder.secret or LIVEVIEW_SECRET): using a random key,"
                + " so pages rendered before a restart will reload when they reconnect");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** Configures and starts a {@link LiveViewServer}. Every setting has a safe default. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private final Endpoints endpoints = new Endpoints();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private int port = 8080;
        private String host = "0.0.0.0";
        private String secret;
        private boolean encryptSessions;
        private Duration tokenMaxAge = Duration.ofDays(14);
        private int maxFrameBytes = Limits.DEFAULTS.maxFrameBytes();
        private long maxQueuedBytes = Limits.DEFAULTS.maxQueuedBytes();
        private int maxViewsPerSocket = Limits.DEFAULTS.maxViewsPerSocket();
        private int maxSockets = Limits.DEFAULTS.maxSockets();
        private int framesPerSecond = Limits.DEFAULTS.framesPerSecond();
        private int frameBurst = Limits.DEFAULTS.frameBurst();
        private Duration socketIdleTimeout = Limits.DEFAULTS.socketIdleTimeout();
        private int maxHeaderBytes = Limits.DEFAULTS.maxHeaderBytes();
        private long maxBodyBytes = Limits.DEFAULTS.maxBodyBytes();
        private Duration requestParseTimeout = Limits.DEFAULTS.requestParseTimeout();
        private Duration keepAliveTimeout = Limits.DEFAULTS.keepAliveTimeout();
        private Duration mountOnceWindow = Limits.DEFAULTS.mountOnceWindow();
        private Duration resumeGrace = Limits.DEFAULTS.resumeGrace();
        private int maxWaitingViews = Limits.DEFAULTS.maxWaitingViews();
        private String contentSecurityPolicy = SecurityHeaders.DEFAULTS.contentSecurityPolicy();
        private String frameOptions = SecurityHeaders.DEFAULTS.frameOptions();
        private String referrerPolicy = SecurityHeaders.DEFAULTS.referrerPolicy();
        private int mailboxCapacity = 1_000;
        private String title = "LiveView";
        private String layout;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private PubSub pubSub;
        private final List<OnMount> groupHooks = new ArrayList<>();
        private String notFoundPage = ErrorPages.DEFAULT_TEMPLATE;
        private String errorPage = ErrorPages.DEFAULT_TEMPLATE;
        private MeterRegistry meterRegistry;
        private boolean trustForwardedHeaders;
        private Boolean devMode; // null: as LIVEVIEW_DEV says
        private boolean wholeRenders;
        private List<Path> devTemplates; // null: the Maven layout's folder

        private Builder() {
        }

        /**
         * Adds routes behind a mount hook: the hook runs before the mount of each of their views, on
         * the first render and on the socket's join alike (see {@link OnMount}). Groups nest; the
         * outer group's hooks run first.
         *
         * <pre>{@code
         * builder.group(Auth::requireUser, signedIn -> signedIn
         *     .live("/todo", TodoLive::new)
         *     .live("/todo/{id}", TodoItemLive::new));
         * }</pre>
         *
         * @param hook   runs before the views' mounts
         * @param routes adds the group's routes to the builder it is given
         * @return this builder
         */
        public Builder group(OnMount hook, Consumer<Builder> routes) {
            groupHooks.add(Objects.requireNonNull(hook, "hook"));
            try {
                routes.accept(this);
            } finally {
                groupHooks.remove(groupHooks.size() - 1);
            }
            return this;
        }

        /**
         * Serves a live view at a path.
         *
         * @param path    the request path, e.g. {@code /counter}, or a template whose {@code {name}}
         *                segments match any one segment and reach {@link Params}, e.g.
         *                {@code /todo/{id}}; a literal path wins over a template that also matches
         * @param factory makes a fresh view for each mount
         * @return this builder
         * @throws IllegalArgumentException for a malformed template, or one that matches the same
         *                                  paths as a route or GET endpoint already added
         */
        public Builder live(String path, Supplier<? extends LiveView> factory) {
            PathTemplate template = PathTemplate.parse(path);
            for (Route existing : routes.values()) {
                if (existing.template().shape().equals(template.shape())) {
                    throw new IllegalArgumentException("two live views for path " + path
                            + (existing.path().equals(path) ? "" : " (and " + existing.path() + ")"));
                }
            }
            if (endpoints.hasGet(template)) {
                throw new IllegalArgumentException("a live view and a GET endpoint for path " + path);
            }
            routes.put(path, new Route(path, Objects.requireNonNull(factory, "factory"), template, List.copyOf(groupHooks)));
            return this;
        }

        /**
         * Answers GET (and HEAD) requests at a path with a plain HTTP endpoint, e.g. a health check or
         * a JSON API; see docs/routing.md.
         *
         * @param path    the request path or a template, as for {@link #live}; a literal path (of an
         *                endpoint or a live route) wins over a template that also matches
         * @param handler answers each request, on a virtual thread of its own
         * @return this builder
         * @throws IllegalArgumentException for a malformed template, or one that matches the same
         *                                  paths as a live route or GET endpoint already added
         */
        public Builder get(String path, Endpoint handler) {
            PathTemplate template = PathTemplate.parse(path);
            if (routes.values().stream().anyMatch(route -> route.template().shape().equals(template.shape()))) {
                throw new IllegalArgumentException("a live view and a GET endpoint for path " + path);
            }
            endpoints.add(Methods.GET, path, handler);
            return this;
        }

        /**
         * Answers POST requests at a path with a plain HTTP endpoint, e.g. an HTML form's target. A
         * post must carry the session's CSRF token (form field {@code _csrf} or header
         * {@code X-CSRF-Token}, the token of the live pages' {@code lvCsrf}), else it is answered 403.
         *
         * @param path    the request path or a template, as for {@link #live}; it may be a live
         *                route's path too, so a page can post to itself
         * @param handler answers each request, on a virtual thread of its own
         * @return this builder
         * @throws IllegalArgumentException for a malformed template, or one that matches the same
         *                                  paths as a POST endpoint already added
         */
        public Builder post(String path, Endpoint handler) {
            endpoints.add(Methods.POST, path, handler);
            return this;
        }

        /**
         * @param port the TCP port; 0 picks a free one (see {@link LiveViewServer#port()}). Default 8080.
         *             Only for {@link #start()}.
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param host the address to listen on. Default {@code 0.0.0.0}. Only for {@link #start()}.
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param secret the key that signs tokens and cookies; keep it stable across restarts and
         *               equal across nodes. Default: the {@code LIVEVIEW_SECRET} environment
         *               variable, else a random key per start.
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Encrypts the session (AES-256-GCM, with a key derived from the {@linkplain #secret(String) secret}):
         * the {@code lv_session} cookie, and each view token in the page, which carries the session.
         * The browser and the page can then no longer read the session's id and data; as when only
         * signed, nobody without the key can change them. Switching this on or off in a deploy
         * costs every browser its session (a cookie of the other mode counts as none: the next page
         * gets a fresh empty session) and makes pages rendered before reload when they join; use
         * the same setting on every node. The 4,000-byte cookie limit counts the encrypted value.
         *
         * @param encrypt whether to encrypt. Default {@code false}: signed, readable by the user.
         * @return this builder
         */
        public Builder encryptSessions(boolean encrypt) {
            this.encryptSessions = encrypt;
            return this;
        }

        /**
         * @param maxAge how long a rendered page may wait before its views join. Default 14 days.
         * @return this builder
         */
        public Builder tokenMaxAge(Duration maxAge) {
            this.tokenMaxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * @param bytes the largest frame a client may send; larger ones close the socket with 1009.
         *              Default 64 KB.
         * @return this builder
         */
        public Builder maxFrameBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxFrameBytes below 1024 would refuse ordinary joins: " + bytes);
            }
            this.maxFrameBytes = bytes;
            return this;
        }

        /**
         * @param capacity how many messages a view may have queued before new events are refused
         *                 with {@code overloaded}; at least 1. Default 1,000.
         * @return this builder
         */
        public Builder mailboxCapacity(int capacity) {
            this.mailboxCapacity = atLeast(1, capacity, "mailboxCapacity");
            return this;
        }

        /**
         * @param bytes the most a socket may have waiting to be written to a client that reads
         *              slowly; past it the socket closes with 1008. Default 1 MiB.
         * @return this builder
         */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = atLeast(4096, bytes, "maxQueuedBytes");
            return this;
        }

        /**
         * @param views how many views one socket may have joined at once; more joins are refused
         *              with {@code too_many_views}. Default 100.
         * @return this builder
         */
        public Builder maxViewsPerSocket(int views) {
            this.maxViewsPerSocket = atLeast(1, views, "maxViewsPerSocket");
            return this;
        }

        /**
         * @param sockets how many sockets may be open at once; more upgrades are answered 503.
         *                Default 10,000.
         * @return this builder
         */
        public Builder maxSockets(int sockets) {
            this.maxSockets = atLeast(1, sockets, "maxSockets");
            return this;
        }

        /**
         * Limits how fast one socket may send frames (a token bucket): frames beyond the rate are
         * refused with {@code rate_limited}, and the socket stays open.
         *
         * @param framesPerSecond the sustained rate. Default 100.
         * @param burst           how many frames may arrive at once. Default 200.
         * @return this builder
         */
        public Builder rateLimit(int framesPerSecond, int burst) {
            this.framesPerSecond = atLeast(1, framesPerSecond, "framesPerSecond");
            this.frameBurst = atLeast(1, burst, "burst");
            return this;
        }

        /**
         * @param timeout a socket that sends nothing (not even the client's heartbeat, every 30 s)
         *                for this long is closed with 1008. Default 75 s.
         * @return this builder
         */
        public Builder socketIdleTimeout(Duration timeout) {
            this.socketIdleTimeout = positive(timeout, "socketIdleTimeout");
            return this;
        }

        /**
         * @param bytes the largest request line plus headers; larger requests are answered 431
         *              (and, with {@link #start()}, beyond four times this closed after a 400 without
         *              being read). Default 16 KB.
         * @return this builder
         */
        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = atLeast(1024, bytes, "maxHeaderBytes");
            return this;
        }

        /**
         * @param bytes the largest request body; larger ones are answered 413. Default 1 MiB.
         * @return this builder
         */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = atLeast(0, bytes, "maxBodyBytes");
            return this;
        }

        /**
         * @param timeout how long a client may take to send a request's headers; a slower one is
         *                disconnected. Default 10 s. Only for {@link #start()}.
         * @return this builder
         */
        public Builder requestParseTimeout(Duration timeout) {
            this.requestParseTimeout = positive(timeout, "requestParseTimeout");
            return this;
        }

        /**
         * @param timeout an HTTP connection idle between requests is closed after this. Default 60 s.
         *                Only for {@link #start()}.
         * @return this builder
         */
        public Builder keepAliveTimeout(Duration timeout) {
            this.keepAliveTimeout = positive(timeout, "keepAliveTimeout");
            return this;
        }

        /**
         * Mount once: the view instance that served a page's first render waits this long for the
         * page's socket, which then adopts it instead of mounting a new one, so {@link LiveView#mount}
         * runs once per visit. A join later than this, or on another node, mounts afresh.
         *
         * @param window how long a first render's instance waits; zero turns mount-once off.
         *               Default 10 s.
         * @return this builder
         */
        public Builder mountOnce(Duration window) {
            this.mountOnceWindow = notNegative(window, "mountOnce");
            return this;
        }

        /**
         * Resume: when a socket is lost, its views keep running for this long; a rejoin from the same
         * browser session within it finds its view with its state, and gets HTML that brings the page
         * up to date. After it, the views terminate and a rejoin mounts afresh.
         *
         * @param grace how long the views of a lost socket wait; zero turns resuming off. Default 20 s.
         * @return this builder
         */
        public Builder resumeGrace(Duration grace) {
            this.resumeGrace = notNegative(grace, "resumeGrace");
            return this;
        }

        /**
         * @param views the most first-render instances waiting to be adopted, and separately the most
         *              views of lost sockets waiting to resume; past it the oldest terminate.
         *              Default 10,000 each.
         * @return this builder
         */
        public Builder maxWaitingViews(int views) {
            this.maxWaitingViews = atLeast(0, views, "maxWaitingViews");
            return this;
        }

        /**
         * @param policy the {@code Content-Security-Policy} of every response, or {@code null} for
         *               none. The default allows only same-origin scripts, styles (inline ones too),
         *               images and sockets, and framing by the same origin only.
         * @return this builder
         */
        public Builder contentSecurityPolicy(String policy) {
            this.contentSecurityPolicy = policy;
            return this;
        }

        /**
         * @param value the {@code X-Frame-Options} of every response, or {@code null} for none.
         *              Default {@code SAMEORIGIN}.
         * @return this builder
         */
        public Builder frameOptions(String value) {
            this.frameOptions = value;
            return this;
        }

        /**
         * @param policy the {@code Referrer-Policy} of every response, or {@code null} for none.
         *               Default {@code strict-origin-when-cross-origin}.
         * @return this builder
         */
        public Builder referrerPolicy(String policy) {
            this.referrerPolicy = policy;
            return this;
        }

        private Limits limits() {
            return new Limits(maxFrameBytes, maxQueuedBytes, maxViewsPerSocket, maxSockets, framesPerSecond,
                    frameBurst, socketIdleTimeout, maxHeaderBytes, maxBodyBytes, requestParseTimeout, keepAliveTimeout,
                    mountOnceWindow, resumeGrace, maxWaitingViews);
        }

        private SecurityHeaders headers() {
            return new SecurityHeaders(contentSecurityPolicy, frameOptions, referrerPolicy);
        }

        private static int atLeast(int min, int value, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }

        private static long atLeast(long min, long value, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }

        private static Duration notNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or more: " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        /**
         * @param origin an extra origin (e.g. {@code https://app.example.com}) allowed to open
         *               sockets; by default only the origin matching the request's host is.
         * @return this builder
         */
        public Builder allowOrigin(String origin) {
            allowedOrigins.add(Objects.requireNonNull(origin, "origin"));
            return this;
        }

        /**
         * @param title the page title ({@code pageTitle} in the layout) for views that assign none.
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Wraps every page in a template of your own instead of the default layout. The template
         * gets the view's assigns plus {@code lvHead} (put it in the head with
         * {@code th:utext="${lvHead}"}) and {@code lvRoot} (the live view, {@code th:utext} too).
         * Link with {@code th:href="@{/todo}"}: it carries the prefix of a mounted server, which
         * every template also gets as {@code lvBase}.
         *
         * @param template a template name under {@code templates/}
         * @return this builder
         */
        public Builder layout(String template) {
            this.layout = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * @param classLoader where templates ({@code templates/}) and static files ({@code static/}) are
         *                    found. Default: the thread's context class loader.
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * @param template the page for a path with no route or a page parameter that does not fit
         *                 (404): a template under {@code templates/} given {@code status},
         *                 {@code title} and {@code message}. Default: a plain page in core.
         * @return this builder
         */
        public Builder notFoundPage(String template) {
            this.notFoundPage = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * @param template the page for a first render that failed (500): a template given
         *                 {@code status}, {@code title}, {@code message} and {@code reference}, the id
         *                 the server log has the cause under. Never a stack trace. Default: a plain
         *                 page in core. In {@linkplain #devMode(boolean) dev mode} core's page with
         *                 the failure's details is shown instead.
         * @return this builder
         */
        public Builder errorPage(String template) {
            this.errorPage = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * @param pubSub where views' and other code's topics go, e.g. a
         *               {@code io.liveview.core.pubsub.RedisPubSub} to reach other nodes. Default:
         *               within this JVM. The server closes it when it stops.
         * @return this builder
         */
        public Builder pubSub(PubSub pubSub) {
            this.pubSub = Objects.requireNonNull(pubSub, "pubSub");
            return this;
        }

        /**
         * Reports the server's meters to Micrometer: timers {@code liveview.mount},
         * {@code liveview.event}, {@code liveview.render} and {@code liveview.diff} (tag
         * {@code route}), counters {@code liveview.frames.in}, {@code liveview.frames.out} and
         * {@code liveview.bytes.out}, gauges {@code liveview.sockets}, {@code liveview.views.live}
         * and {@code liveview.views.waiting} (tag {@code for}: {@code resume} or {@code adoption}).
         * They leave the registry when the server stops. See docs/processes.md.
         *
         * <p>Micrometer is an optional dependency: an application that never calls this method
         * needs no Micrometer on its class path, and the server then loads and runs none of it.
         *
         * @param registry where the meters go. Default: none, nothing is measured.
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Honours the headers a reverse proxy sets on each request: {@code X-Forwarded-Proto} (the
         * session cookie gets {@code Secure} when the browser's request was https),
         * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} (a socket's {@code Origin} is checked
         * against the host the browser asked for) and {@code X-Forwarded-For}; through Undertow's
         * {@code ProxyPeerAddressHandler}, the first value of each list counts. Only for a server
         * every request reaches through a proxy that sets these headers, replacing what the client
         * sent: without one, a client could claim any host. Default: off, the headers are ignored.
         *
         * @return this builder
         */
        public Builder trustForwardedHeaders() {
            this.trustForwardedHeaders = true;
            return this;
        }

        /**
         * Dev mode, for a developer's machine; <strong>never for production</strong>: error pages
         * then show exception details and stack frames to every visitor. In dev mode templates are
         * read from {@linkplain #devTemplates(Path...) source folders} on every render, before the
         * class path; open pages render their views again when a template there is saved (a layout
         * edit reloads them); a view whose template fails to render shows the error in its place
         * until the template is fixed; and a first render that fails answers 500 with the template
         * line, the exception, its causes and its stack. Static files are read on every request,
         * from the {@code static} folder next to each template folder first. The server logs a
         * WARN at start while it is on. See docs/architecture.md.
         *
         * @param on whether dev mode is on. Default: off, unless the environment variable
         *           {@code LIVEVIEW_DEV} is {@code 1} or {@code true}; calling this method, with
         *           either value, overrides the variable.
         * @return this builder
         */
        public Builder devMode(boolean on) {
            this.devMode = on;
            return this;
        }

        /**
         * Sends every render whole, views and components, instead of what changed: each reply that
         * changes anything replaces the view's content with its complete new render, as
         * server-rendering frameworks without a differ do. For measuring what diffing saves (the
         * load generator's baseline), and for ruling the differ out when a page looks wrong.
         * Costs bandwidth in proportion to the page; never needed in production.
         *
         * @param on whether to send whole renders. Default: off
         * @return this builder
         */
        public Builder wholeRenders(boolean on) {
            this.wholeRenders = on;
            return this;
        }

        /**
         * @param folders where dev mode reads templates from, before the class path (the first
         *                folder with a template wins; the class path serves what they lack, e.g.
         *                core's default layout), and which it watches for saves. A folder that does
         *                not exist is skipped with a warning. Ignored when dev mode is off. Default:
         *                {@code src/main/resources/templates} under the working directory, if it
         *                exists.
         * @return this builder
         */
        public Builder devTemplates(Path... folders) {
            this.devTemplates = List.of(folders);
            return this;
        }

        /**
         * Starts the server with a listener of its own, at {@link #host(String)} and {@link #port(int)}.
         *
         * @return the running server
         */
        public LiveViewServer start() {
            return new LiveViewServer(checked(), true);
        }

        /**
         * Builds the server without a listener, for an Undertow of the application's own to mount
         * its {@link LiveViewServer#handler()}. The settings of the listener then are the
         * application's: {@link #host(String)}, {@link #port(int)},
         * {@link #requestParseTimeout(Duration)}, {@link #keepAliveTimeout(Duration)}, the hard cap
         * of four times {@link #maxHeaderBytes(int)} and the fixed caps of headers and parameters
         * per request do not apply; every other setting does.
         *
         * @return the server, ready to serve through its handler
         */
        public LiveViewServer build() {
            return new LiveViewServer(checked(), false);
        }

        private Builder checked() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("no live routes: add one with live(path, View::new)");
            }
            return this;
        }
    }
}
