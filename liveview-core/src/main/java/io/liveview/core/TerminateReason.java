package io.liveview.core;

/** Why a view ends; passed to {@link LiveView#terminate}. */
public enum TerminateReason {
    /** The page left the view (it navigated, or the client started the view over). */
    LEAVE,
    /** The page's socket closed: the tab was closed, or the connection was lost. */
    CLOSED,
    /** A callback of the view threw. */
    CRASH,
    /** The server is stopping. */
    SHUTDOWN
}
