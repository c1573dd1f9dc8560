package io.liveview.core;

import java.time.Duration;

/**
 * Every bound the server puts on what clients may make it hold or do; docs/security.md lists each
 * with its default and what happens past it.
 *
 * @param maxFrameBytes       largest inbound WebSocket frame; larger closes the socket with 1009
 * @param maxQueuedBytes      outbound bytes a socket may have waiting; more closes it with 1008
 * @param maxViewsPerSocket   views joined at once on one socket; more are refused with {@code too_many_views}
 * @param maxSockets          open sockets on the server; more upgrades are answered 503
 * @param framesPerSecond     sustained rate of client frames per socket; faster ones are refused with
 *                            {@code rate_limited}
 * @param frameBurst          frames a socket may send at once above that rate
 * @param socketIdleTimeout   a socket silent this long is closed with 1008
 * @param maxHeaderBytes      largest request line plus headers; larger is answered 431
 * @param maxBodyBytes        largest request body; larger is answered 413
 * @param requestParseTimeout time a client has to send its complete request headers
 * @param keepAliveTimeout    an idle keep-alive HTTP connection is closed after this
 * @param mountOnceWindow     how long the instance of a first render waits for its socket to adopt it
 * @param resumeGrace         how long the views of a lost socket wait for it to come back
 * @param maxWaitingViews     the most views waiting in each of those two ways; the oldest make way
 */
record Limits(int maxFrameBytes, long maxQueuedBytes, int maxViewsPerSocket, int maxSockets,
              int framesPerSecond, int frameBurst, Duration socketIdleTimeout, int maxHeaderBytes,
              long maxBodyBytes, Duration requestParseTimeout, Duration keepAliveTimeout,
              Duration mountOnceWindow, Duration resumeGrace, int maxWaitingViews) {

    static final Limits DEFAULTS = new Limits(64 * 1024, 1024 * 1024, 100, 10_000, 100, 200,
            Duration.ofSeconds(75), 16 * 1024, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(20), 10_000);
}
