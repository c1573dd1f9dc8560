package io.liveview.diff;

import java.util.Objects;

/**
 * What a connected view retains of its previous render, to diff the next one against.
 *
 * <p>Only the inner HTML string is kept and re-parsed at each diff: a retained parsed tree costs
 * about a megabyte for a 1,000-row table, too much per connected view. The representation is
 * private so that it can become leaner later.
 */
public final class Snapshot {

  private final String html;

  private Snapshot(String html) {
    this.html = html;
  }

  /**
   * The snapshot of a render.
   *
   * @param innerHtml the view's template output (the inner HTML of its live root)
   * @return the snapshot
   */
  public static Snapshot of(String innerHtml) {
    return new Snapshot(Objects.requireNonNull(innerHtml, "innerHtml"));
  }

  /**
   * The render this snapshot was taken of.
   *
   * @return the inner HTML, exactly as given to {@link #of}
   */
  public String html() {
    return html;
  }
}
