package org.tomolyte.task;

/**
 * Progress and cancel callback that every long library algorithm accepts. The library never touches a
 * progress bar itself: a command adapts this to SciJava's {@code StatusService} / ImageJ's progress bar,
 * a test passes {@link #NONE}. Modelled on MorphoLibJ's algorithm listeners.
 */
public interface Progress {

	/** A callback that reports nowhere and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void report(double fraction, String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/**
	 * Reports how far the work is.
	 *
	 * @param fraction done so far, 0 to 1
	 * @param message short status text for the user, or null to keep the previous one
	 */
	void report(double fraction, String message);

	/** True once the user asked to stop; long loops poll it and then call {@link #checkCancelled()}. */
	boolean isCancelled();

	/** Throws {@link CancelledException} if the user asked to stop; call it between units of work. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	/** A view of this progress mapping [0,1] onto [from, to] of the parent, for nested steps. */
	default Progress sub(double from, double to) {
		Progress parent = this;
		return new Progress() {
			@Override
			public void report(double fraction, String message) {
				double f = Math.max(0, Math.min(1, fraction));
				parent.report(from + f * (to - from), message);
			}

			@Override
			public boolean isCancelled() {
				return parent.isCancelled();
			}
		};
	}
}
