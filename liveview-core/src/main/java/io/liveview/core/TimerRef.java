package io.liveview.core;

/** A message scheduled by {@link Socket#sendAfter} or {@link Socket#every}. */
public interface TimerRef {

    /** Stops further deliveries; safe to call more than once, and after the view ended. */
    void cancel();
}
