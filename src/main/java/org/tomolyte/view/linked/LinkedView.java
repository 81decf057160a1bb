package org.tomolyte.view.linked;

import java.util.Map;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.tomolyte.view.session.SessionState;

/**
 * A view of the linked-view window: one or more charts that reflect the {@link SessionState} they listen to
 * (after BigDataViewer's viewer panels reflecting {@code ViewerState}). A view never talks to another
 * view; user input it receives goes to the state, and the state tells every view.
 */
public interface LinkedView extends SessionState.Listener {
	/** The view's charts by panel name (file names of exported figures), in display order. */
	Map<String, JFreeChart> charts();

	/** Shows the whole current state (used when the view is attached). */
	void sync(SessionState state);

	@Override
	default void changed(SessionState state, Set<SessionState.Change> changes) {
		sync(state);
	}
}
