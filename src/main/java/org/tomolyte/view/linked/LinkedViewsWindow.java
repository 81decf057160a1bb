package org.tomolyte.view.linked;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.AbstractAction;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.tomolyte.view.FigureExport;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionFile;
import org.tomolyte.view.session.SessionState;

/**
 * The linked-view window: the voltage trace, the DRT map, the selected spectrum (Nyquist with fit, DRT with
 * peaks, Kramers–Kronig residuals) and the crack metrics on one time cursor. Every panel only reflects the
 * shared {@link SessionState}; mouse and keys write to the state (click or drag on the trace moves the
 * cursor, shift-drag selects a time range, the wheel zooms, ctrl-drag pans; a click on the DRT map picks that
 * spectrum; a click on a crack point selects its track; ←/→ step through spectra, shift+←/→ through scans).
 * Export writes the layout and each panel as PNG and SVG and the data under the cursor as CSV.
 */
public final class LinkedViewsWindow extends JFrame {
	private static final long serialVersionUID = 1L;
	private final transient LinkedViews views;
	private final transient SessionState state;
	private final JPanel grid = new JPanel(new GridLayout(0, 2, 2, 2));
	private final Map<String, ChartPanel> panels = new LinkedHashMap<>();
	private FigureSize exportSize = FigureSize.SCREEN;
	private File lastDir;

	public LinkedViewsWindow(SessionData data, SessionState state) {
		super("Tomolyte linked views — " + data.name());
		this.state = state;
		this.views = new LinkedViews(data, state);
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		for (Map.Entry<String, JFreeChart> e : views.charts().entrySet()) {
			ChartPanel p = new ChartPanel(e.getValue(), 300, 200, 100, 80, 4000, 3000, true, true, true, true, true, true);
			p.setMouseWheelEnabled(true);
			p.setMouseZoomable(false); // plain drag moves the cursor; zoom with the wheel or the context menu
			p.setName(e.getKey());
			panels.put(e.getKey(), p);
			grid.add(p);
		}
		wireTrace();
		wireMap();
		wireCracks();
		wireKeys();
		setJMenuBar(menus());
		getContentPane().add(grid, BorderLayout.CENTER);
		grid.setPreferredSize(new Dimension(1280, 960));
		pack();
		addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosed(WindowEvent e) {
				views.detachAll();
			}
		});
		if (Double.isNaN(state.cursorS())) {
			double[] t = data.spectrumCount() > 0 ? data.spectrumTimesS() : views.trace().timeSpanS();
			state.setCursor(t[0]);
		}
	}

	/** Opens a window on the event thread and returns it. */
	public static LinkedViewsWindow show(SessionData data, SessionState state) {
		LinkedViewsWindow[] w = new LinkedViewsWindow[1];
		Runnable r = () -> {
			w[0] = new LinkedViewsWindow(data, state);
			w[0].setVisible(true);
		};
		if (javax.swing.SwingUtilities.isEventDispatchThread()) r.run();
		else try {
			javax.swing.SwingUtilities.invokeAndWait(r);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (java.lang.reflect.InvocationTargetException e) {
			throw new IllegalStateException(e.getCause());
		}
		return w[0];
	}

	public LinkedViews views() {
		return views;
	}

	public SessionState state() {
		return state;
	}

	/** The chart panel of a panel name (see {@link LinkedViews#LAYOUT}), or null. */
	public ChartPanel panel(String name) {
		return panels.get(name);
	}

	/** Adds a view's charts to the window and attaches it to the state. */
	public void addView(LinkedView v) {
		views.add(v);
		for (Map.Entry<String, JFreeChart> e : v.charts().entrySet()) {
			ChartPanel p = new ChartPanel(e.getValue());
			p.setName(e.getKey());
			panels.put(e.getKey(), p);
			grid.add(p);
		}
		grid.revalidate();
	}

	/** Removes a view's charts and detaches it; the other views go on. */
	public void removeView(LinkedView v) {
		views.remove(v);
		for (String name : v.charts().keySet()) {
			ChartPanel p = panels.remove(name);
			if (p != null) grid.remove(p);
		}
		grid.revalidate();
		grid.repaint();
	}

	private double xAt(ChartPanel p, MouseEvent e) {
		XYPlot plot = p.getChart().getXYPlot();
		Rectangle2D area = p.getScreenDataArea();
		return plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
	}

	private double yAt(ChartPanel p, MouseEvent e) {
		XYPlot plot = p.getChart().getXYPlot();
		Rectangle2D area = p.getScreenDataArea();
		return plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
	}

	private void wireTrace() {
		ChartPanel p = panels.get("trace");
		if (p == null) return;
		MouseAdapter m = new MouseAdapter() {
			private double rangeStart = Double.NaN;

			@Override
			public void mousePressed(MouseEvent e) {
				if (e.isPopupTrigger() || e.getButton() != MouseEvent.BUTTON1 || e.isControlDown()) return;
				double t = views.trace().timeAt(xAt(p, e));
				if (e.isShiftDown()) rangeStart = t;
				else state.setCursor(t);
			}

			@Override
			public void mouseDragged(MouseEvent e) {
				if ((e.getModifiersEx() & InputEvent.BUTTON1_DOWN_MASK) == 0 || e.isControlDown()) return;
				double t = views.trace().timeAt(xAt(p, e));
				if (e.isShiftDown() && !Double.isNaN(rangeStart)) state.setRange(rangeStart, t);
				else state.setCursor(t);
			}

			@Override
			public void mouseReleased(MouseEvent e) {
				rangeStart = Double.NaN;
			}
		};
		p.addMouseListener(m);
		p.addMouseMotionListener(m);
	}

	private void wireMap() {
		ChartPanel p = panels.get("drt_map");
		DrtMapPlot map = views.map();
		if (p == null || map == null) return;
		MouseAdapter m = new MouseAdapter() {
			@Override
			public void mousePressed(MouseEvent e) {
				if (e.getButton() != MouseEvent.BUTTON1 || e.isControlDown() || !p.getScreenDataArea().contains(e.getPoint())) return;
				int i = map.spectrumAt(yAt(p, e));
				if (i >= 0) state.selectSpectrum(i);
			}
		};
		p.addMouseListener(m);
	}

	private void wireCracks() {
		ChartPanel p = panels.get("crack_metrics");
		if (p == null) return;
		p.addMouseListener(new MouseAdapter() {
			@Override
			public void mousePressed(MouseEvent e) {
				if (e.getButton() != MouseEvent.BUTTON1) return;
				Point2D java2D = p.translateScreenToJava2D(e.getPoint());
				double[] hit = views.cracks().trackAt(java2D, p.getChartRenderingInfo(), views.data().tracks());
				if (hit == null) return;
				state.selectTrack((int) hit[0]);
				if (!Double.isNaN(hit[1])) state.setCursor(hit[1]);
			}
		});
	}

	private void wireKeys() {
		JComponent root = getRootPane();
		bind(root, KeyEvent.VK_LEFT, 0, "previous spectrum", () -> step(-1, false));
		bind(root, KeyEvent.VK_RIGHT, 0, "next spectrum", () -> step(1, false));
		bind(root, KeyEvent.VK_LEFT, InputEvent.SHIFT_DOWN_MASK, "previous scan", () -> step(-1, true));
		bind(root, KeyEvent.VK_RIGHT, InputEvent.SHIFT_DOWN_MASK, "next scan", () -> step(1, true));
	}

	private static void bind(JComponent c, int key, int modifiers, String name, Runnable r) {
		c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, modifiers), name);
		c.getActionMap().put(name, new AbstractAction() {
			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(ActionEvent e) {
				r.run();
			}
		});
	}

	/** Arrow keys: to the neighbouring spectrum (or scan); without any, by 1 % of the visible time span. */
	void step(int direction, boolean scans) {
		SessionData d = views.data();
		if (scans && !d.scans().isEmpty()) {
			int i = state.scan() < 0 ? 0 : Math.max(0, Math.min(d.scans().size() - 1, state.scan() + direction));
			state.selectScan(i);
		} else if (!scans && d.spectrumCount() > 0) {
			int i = state.spectrum() < 0 ? 0 : Math.max(0, Math.min(d.spectrumCount() - 1, state.spectrum() + direction));
			state.selectSpectrum(i);
		} else {
			XYPlot plot = views.trace().chart().getXYPlot();
			double lo = views.trace().timeAt(plot.getDomainAxis().getLowerBound()), hi = views.trace().timeAt(plot.getDomainAxis().getUpperBound());
			state.setCursor(state.cursorS() + direction * (hi - lo) / 100);
		}
	}

	private JMenuBar menus() {
		JMenuBar bar = new JMenuBar();
		JMenu file = new JMenu("File");
		file.add(item("Save session…", () -> {
			File f = choose("Save session", new File("session.json"), false);
			if (f != null) run(() -> SessionFile.save(views.data(), f.toPath()));
		}));
		file.add(item("Close", this::dispose));
		bar.add(file);
		JMenu export = new JMenu("Export");
		export.add(item("Layout as PNG…", () -> {
			File f = choose("Layout PNG", new File("layout.png"), false);
			if (f != null) run(() -> LinkedViewsRenderer.writeLayoutPng(views, f.toPath(), exportSize));
		}));
		export.add(item("Layout as SVG…", () -> {
			File f = choose("Layout SVG", new File("layout.svg"), false);
			if (f != null) run(() -> LinkedViewsRenderer.writeLayoutSvg(views, f.toPath(), exportSize));
		}));
		JMenu each = new JMenu("Panel");
		for (Map.Entry<String, JFreeChart> e : views.charts().entrySet()) {
			each.add(item(e.getKey() + " as PNG…", () -> {
				File f = choose(e.getKey(), new File(e.getKey() + ".png"), false);
				if (f != null) run(() -> FigureExport.png(e.getValue(), f.toPath(), exportSize.panelWidth, exportSize.panelHeight));
			}));
			each.add(item(e.getKey() + " as SVG…", () -> {
				File f = choose(e.getKey(), new File(e.getKey() + ".svg"), false);
				if (f != null) run(() -> FigureExport.svg(e.getValue(), f.toPath(), exportSize.panelWidth, exportSize.panelHeight));
			}));
		}
		export.add(each);
		export.add(item("All panels, layout and cursor data to folder…", () -> {
			File f = choose("Export folder", null, true);
			if (f != null) run(() -> LinkedViewsRenderer.writeAll(views, f.toPath(), "", exportSize));
		}));
		export.add(item("Data under the cursor as CSV…", () -> {
			File f = choose("Folder for cursor.csv, spectrum.csv, drt.csv, peaks.csv, tracks_at_scan.csv", null, true);
			if (f != null) run(() -> CursorData.write(views.data(), state, f.toPath()));
		}));
		export.addSeparator();
		JMenu sizes = new JMenu("Figure size");
		ButtonGroup g = new ButtonGroup();
		for (FigureSize s : FigureSize.values()) {
			JRadioButtonMenuItem it = new JRadioButtonMenuItem(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + s.layoutWidth + " px wide)", s == exportSize);
			it.addActionListener(e -> exportSize = s);
			g.add(it);
			sizes.add(it);
		}
		export.add(sizes);
		bar.add(export);
		JMenu view = new JMenu("View");
		JCheckBoxMenuItem contours = new JCheckBoxMenuItem("DRT map contours");
		contours.setEnabled(views.map() != null);
		contours.addActionListener(e -> views.map().setContours(contours.isSelected()));
		view.add(contours);
		JCheckBoxMenuItem capacity = new JCheckBoxMenuItem("Trace against capacity passed");
		capacity.setEnabled(views.trace().hasCapacity());
		capacity.addActionListener(e -> views.trace().showCapacity(capacity.isSelected()));
		view.add(capacity);
		view.add(item("Reset zoom", () -> {
			for (ChartPanel p : panels.values())
				p.restoreAutoBounds();
		}));
		bar.add(view);
		return bar;
	}

	private interface IoAction {
		void run() throws IOException;
	}

	private void run(IoAction a) {
		try {
			a.run();
		} catch (IOException | RuntimeException e) {
			JOptionPane.showMessageDialog(this, e.getMessage(), "Tomolyte linked views", JOptionPane.ERROR_MESSAGE);
		}
	}

	private static JMenuItem item(String label, Runnable r) {
		JMenuItem it = new JMenuItem(label);
		it.addActionListener(e -> r.run());
		return it;
	}

	private File choose(String title, File suggested, boolean directory) {
		JFileChooser c = new JFileChooser(lastDir);
		c.setDialogTitle(title);
		if (directory) c.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
		if (suggested != null) c.setSelectedFile(lastDir == null ? suggested : new File(lastDir, suggested.getName()));
		if (c.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return null;
		lastDir = directory ? c.getSelectedFile() : c.getSelectedFile().getParentFile();
		return c.getSelectedFile();
	}

	/** Paints the window's content into an image (a screenshot without a screen grabber). */
	public BufferedImage snapshot() {
		JComponent c = (JComponent) getContentPane();
		BufferedImage img = new BufferedImage(Math.max(1, c.getWidth()), Math.max(1, c.getHeight()), BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = img.createGraphics();
		c.paint(g);
		g.dispose();
		return img;
	}

	/** Where a panel lies in {@link #snapshot()} coordinates. */
	public java.awt.Rectangle panelBounds(String name) {
		ChartPanel p = panels.get(name);
		if (p == null) return null;
		return javax.swing.SwingUtilities.convertRectangle(p.getParent(), p.getBounds(), getContentPane());
	}

}
