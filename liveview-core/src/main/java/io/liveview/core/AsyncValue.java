package io.liveview.core;

/**
 * An assign computed off the view's thread by {@link Socket#assignAsync}: loading, then ok with a
 * value or failed with a reason. Templates render the three states, e.g.
 * {@code <p th:if="${user.loading}">Loading…</p><p th:if="${user.ok}" th:text="${user.value.name}"></p>
 * <p th:if="${user.failed}" th:text="${user.reason}"></p>}.
 *
 * @param <T> the value's type
 */
public final class AsyncValue<T> {

    private static final AsyncValue<?> LOADING = new AsyncValue<>(null, null, true);

    private final T value;
    private final String reason;
    private final boolean loading;

    private AsyncValue(T value, String reason, boolean loading) {
        this.value = value;
        this.reason = reason;
        this.loading = loading;
    }

    /**
     * @param <T> the value's type
     * @return the state while the task runs
     */
    @SuppressWarnings("unchecked")
    public static <T> AsyncValue<T> loading() {
        return (AsyncValue<T>) LOADING;
    }

    /**
     * @param value what the task returned
     * @param <T>   the value's type
     * @return the state after the task returned
     */
    public static <T> AsyncValue<T> ok(T value) {
        return new AsyncValue<>(value, null, false);
    }

    /**
     * @param reason why the task failed, fit to show a user
     * @param <T>    the value's type
     * @return the state after the task threw
     */
    public static <T> AsyncValue<T> failed(String reason) {
        return new AsyncValue<>(null, reason, false);
    }

    /** @return whether the task still runs */
    public boolean isLoading() {
        return loading;
    }

    /** @return whether the task returned a value */
    public boolean isOk() {
        return !loading && reason == null;
    }

    /** @return whether the task threw */
    public boolean isFailed() {
        return reason != null;
    }

    /** @return the value, or {@code null} unless {@link #isOk()} */
    public T getValue() {
        return value;
    }

    /** @return why the task failed, or {@code null} unless {@link #isFailed()} */
    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return loading ? "loading" : isOk() ? "ok(" + value + ")" : "failed(" + reason + ")";
    }
}
