package org.tomolyte.view;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.tomolyte.io.OutputFolder;

/**
 * Grey-value images as report figures: each panel scaled to its own 0.5–99.5 percentile range (or a
 * shared one), labelled, and laid out side by side. Panels are float arrays, x fastest.
 */
public final class ImageFigures {
	private ImageFigures() {}

	/** One labelled panel: width × height floats. */
	public static final class Panel {
		final float[] pixels;
		final int width, height;
		final String label;

		public Panel(float[] pixels, int width, int height, String label) {
			if (pixels.length != width * height) throw new IllegalArgumentException("Panel " + label + ": " + pixels.length + " values for " + width + "×" + height);
			this.pixels = pixels;
			this.width = width;
			this.height = height;
			this.label = label;
		}
	}

	/**
	 * Writes the panels side by side as a PNG, each enlarged by {@code zoom} (nearest neighbour, so voxels
	 * stay visible); {@code sharedScale} uses one grey range for all panels (for before/after pairs).
	 */
	public static void montage(Path png, int zoom, boolean sharedScale, Panel... panels) throws IOException {
		int gap = 6, labelH = 18;
		int w = gap, h = 0;
		for (Panel p : panels) {
			w += p.width * zoom + gap;
			h = Math.max(h, p.height * zoom);
		}
		BufferedImage img = new BufferedImage(w, h + labelH + 2 * gap, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, img.getWidth(), img.getHeight());
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font("SansSerif", Font.PLAIN, 12));
		double[] shared = sharedScale ? range(panels) : null;
		int x = gap;
		for (Panel p : panels) {
			double[] r = shared != null ? shared : range(p);
			for (int yy = 0; yy < p.height; yy++)
				for (int xx = 0; xx < p.width; xx++) {
					float v = p.pixels[yy * p.width + xx];
					int gray = Float.isNaN(v) ? 0 : (int) Math.max(0, Math.min(255, Math.round(255 * (v - r[0]) / (r[1] - r[0]))));
					int rgb = gray << 16 | gray << 8 | gray;
					for (int dy = 0; dy < zoom; dy++)
						for (int dx = 0; dx < zoom; dx++)
							img.setRGB(x + xx * zoom + dx, gap + yy * zoom + dy, rgb);
				}
			g.setColor(Color.BLACK);
			g.drawString(p.label, x, gap + h + labelH);
			x += p.width * zoom + gap;
		}
		g.dispose();
		OutputFolder.writeAtomically(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
	}

	private static double[] range(Panel... panels) {
		int n = 0;
		for (Panel p : panels)
			n += p.pixels.length;
		float[] all = new float[n];
		int k = 0;
		for (Panel p : panels)
			for (float v : p.pixels)
				if (!Float.isNaN(v)) all[k++] = v;
		float[] s = Arrays.copyOf(all, k);
		Arrays.sort(s);
		if (k == 0) return new double[] { 0, 1 };
		double lo = s[(int) (0.005 * (k - 1))], hi = s[(int) (0.995 * (k - 1))];
		return hi > lo ? new double[] { lo, hi } : new double[] { lo, lo + 1 };
	}
}
