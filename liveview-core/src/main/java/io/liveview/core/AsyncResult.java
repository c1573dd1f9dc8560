package io.liveview.core;

/**
 * How a task started with {@link Socket#startAsync} ended: with a value, or with an exception.
 * Given to {@link LiveView#handleAsync} on the view's mailbox.
 */
public final class AsyncResult {

    private final Object value;
    private final Throwable failure;

    private AsyncResult(Object value, Throwable failure) {
        this.value = value;
        this.failure = failure;
    }

    static AsyncResult ok(Object value) {
        return new AsyncResult(value, null);
    }

    static AsyncResult failed(Throwable failure) {
        return new AsyncResult(null, failure);
    }

    /**
     * @return {@code true} if the task returned a value
     */
    public boolean isOk() {
        return failure == null;
    }

    /**
     * @param <T> the task's result type
     * @return what the task returned
     * @throws IllegalStateException if it threw instead (see {@link #failure()})
     */
    @SuppressWarnings("unchecked")
    public <T> T value() {
        if (failure != null) {
            throw new IllegalStateException("the task failed: " + failure, failure);
        }
        return (T) value;
    }

    /**
     * @return what the task threw, or {@code null} if it returned a value
     */
    public Throwable failure() {
        return failure;
    }

    @Override
    public String toString() {
        return isOk() ? "ok(" + value + ")" : "failed(" + failure + ")";
    }
}
