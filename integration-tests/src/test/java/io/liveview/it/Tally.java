package io.liveview.it;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts of equal strings, sorted by name so reports read the same every run. */
final class Tally {

    private Tally() {
    }

    static Map<String, Long> of(Collection<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
