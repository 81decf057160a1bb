package org.tomolyte.view.linked;

import java.util.Locale;

import org.tomolyte.view.FigureExport;

/**
 * Sizes of exported linked-view figures in pixels at 96 dpi: the screen size, and journal single-column
 * (8.5 cm) and double-column (17.8 cm) widths, where the whole layout fits the width and each panel is
 * exported at the width it has in that layout (so fonts keep their printed size).
 */
public enum FigureSize {
	SCREEN(640, 420, 1400, 1260, 2), SINGLE_COLUMN(FigureExport.PAPER_SINGLE_COLUMN, 230, FigureExport.PAPER_SINGLE_COLUMN, 6 * 230, 1),
	DOUBLE_COLUMN(FigureExport.PAPER_DOUBLE_COLUMN / 2, 250, FigureExport.PAPER_DOUBLE_COLUMN, 3 * 250, 2);

	public final int panelWidth, panelHeight, layoutWidth, layoutHeight, layoutColumns;

	FigureSize(int panelWidth, int panelHeight, int layoutWidth, int layoutHeight, int layoutColumns) {
		this.panelWidth = panelWidth;
		this.panelHeight = panelHeight;
		this.layoutWidth = layoutWidth;
		this.layoutHeight = layoutHeight;
		this.layoutColumns = layoutColumns;
	}

	/** "screen", "single_column" or "double_column" (case-insensitive). */
	public static FigureSize parse(String s) {
		try {
			return valueOf(s.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("figure size '" + s + "': choose screen, single_column or double_column");
		}
	}
}
