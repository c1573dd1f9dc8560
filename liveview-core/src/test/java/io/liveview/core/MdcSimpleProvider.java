package io.liveview.core;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with an MDC that keeps what is put in it (slf4j-simple's own ignores it, as it never
 * prints it), so tests can see the MDC view code runs with. Chosen by the {@code slf4j.provider}
 * system property in this module's surefire configuration.
 */
public final class MdcSimpleProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
