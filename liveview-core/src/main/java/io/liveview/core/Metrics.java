package io.liveview.core;

/**
 * Where the server reports what it measures. {@link #NONE} does nothing and is what a server built
 * without a meter registry uses; {@link MicrometerMetrics} is the only implementation, and the only
 * class, that names a Micrometer type.
 *
 * <p>Neither this interface nor {@link #NONE} mentions Micrometer, so an application without
 * Micrometer on its class path never loads a Micrometer class: {@code MicrometerMetrics} is
 * created only when {@link LiveViewServer.Builder#meterRegistry} was called, which such an
 * application cannot do. The JVM resolves a class when code that uses it first runs, not when a
 * method that merely mentions it (like {@code meterRegistry}) is loaded.
 *
 * <p>Timings are taken as {@code start()} before and a report after the work, so the no-op costs a
 * call that returns zero: no clock is read.
 */
interface Metrics {

    /** Measures nothing. */
    Metrics NONE = new Off();

    /** @return the timers of a live route; a lookup meant to be done once per process */
    Route route(String path);

    /** A frame from a client was read whole and handed to its connection. */
    void frameIn();

    /** A frame for a client, of this many bytes (UTF-8), was queued for writing. */
    void frameOut(int bytes);

    /** The server stopped: its meters leave the registry. */
    void close();

    /** The timers of one route. Each report takes the value its {@link #start()} returned. */
    interface Route {
        /** @return the start of a timing */
        long start();

        /** {@link LiveView#mount} returned. */
        void mounted(long start);

        /** {@link LiveView#handleEvent} returned. */
        void handled(long start);

        /** The template rendered. */
        void rendered(long start);

        /** A render was compared with the previous one. */
        void diffed(long start);
    }

    /** The no-op, for servers without a registry. */
    final class Off implements Metrics, Route {
        private Off() {
        }

        @Override
        public Route route(String path) {
            return this;
        }

        @Override
        public void frameIn() {
        }

        @Override
        public void frameOut(int bytes) {
        }

        @Override
        public void close() {
        }

        @Override
        public long start() {
            return 0;
        }

        @Override
        public void mounted(long start) {
        }

        @Override
        public void handled(long start) {
        }

        @Override
        public void rendered(long start) {
        }

        @Override
        public void diffed(long start) {
        }
    }
}
