package org.tomolyte.align;

import org.tomolyte.task.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Façade of "Align Slices": aligns the consecutive slices of a stack (projection series, slice drift) to
 * sub-pixel precision with the 2D form of the registration engine (verified phase correlation, then block
 * matching with a trimmed rigid or translation fit), chains the pairwise transforms to the reference slice
 * and resamples every slice once. Unlike StackReg/TurboReg (Thévenaz et al. 1998) the pairwise residuals are
 * reported and unconverged pairs are refused or flagged.
 */
public final class SliceAligner {
	private SliceAligner() {}

	/** Aligns to the first slice with default 2D settings (64-pixel blocks), linear interpolation. */
	public static SliceAlignResult align(Volume stack, SliceAlignMode mode) {
		return align(stack, mode, defaults(), 0, true, Progress.NONE);
	}

	/** Settings suited to 2D slices: larger blocks, since a 2D block holds fewer pixels than a 3D one. */
	public static AlignSettings defaults() {
		return new AlignSettings().blockSize(64).maxBlocks(96);
	}

	/**
	 * Aligns every slice to {@code referenceSlice} (0-based) through the chain of neighbours.
	 *
	 * @param keepAligned also return the resampled stack (with {@code settings.outputInterpolation()})
	 */
	public static SliceAlignResult align(Volume stack, SliceAlignMode mode, AlignSettings settings, int referenceSlice, boolean keepAligned, Progress progress) {
		int n = stack.depth();
		if (referenceSlice < 0 || referenceSlice >= n)
			throw new AlignException("Reference slice " + referenceSlice + " is outside the stack of " + n + " slices");
		AlignSettings s = settings.copy().translationOnly(mode == SliceAlignMode.TRANSLATION).threads(1);
		RegistrationResult[] pairs = new RegistrationResult[n];
		// pair z registers slice z to its neighbour towards the reference; pairs are independent, run them in parallel
		int[] todo = new int[n - 1];
		int k = 0;
		for (int z = 0; z < n; z++)
			if (z != referenceSlice) todo[k++] = z;
		Parallel.forEach(todo.length, settings.threads(), j -> {
			progress.checkCancelled();
			int z = todo[j];
			int toward = z > referenceSlice ? z - 1 : z + 1;
			pairs[z] = RigidRegistration.register(slice(stack, toward), slice(stack, z), s, null, "slice " + (z + 1) + " to " + (toward + 1), Progress.NONE);
		});
		progress.report(0.8, null);
		for (int z = 0; z < n; z++) {
			RegistrationResult r = pairs[z];
			if (r != null && !r.converged() && !settings.acceptUnconverged())
				throw new AlignException("Slice alignment did not converge: " + r.message() + "; block residuals: " + TimeSeriesAligner.residualSummary(r)
						+ ". Try mode TRANSLATION, larger blocks, or acceptUnconverged");
		}
		Affine3D[] t = new Affine3D[n];
		t[referenceSlice] = Affine3D.identity();
		for (int z = referenceSlice + 1; z < n; z++)
			t[z] = t[z - 1].concatenate(pairs[z].transform());
		for (int z = referenceSlice - 1; z >= 0; z--)
			t[z] = t[z + 1].concatenate(pairs[z].transform());
		Volume aligned = null;
		if (keepAligned) {
			float[][] out = new float[n][];
			OutputGrid grid = new OutputGrid(stack.width(), stack.height(), 1, stack.voxelXUm(), stack.voxelYUm(), stack.voxelZUm(), 0, 0, 0);
			Parallel.forEach(n, settings.threads(), z -> out[z] = Resampler.resample(slice(stack, z), t[z], grid, settings.outputInterpolation(), 0f, 1, Progress.NONE).slice(0));
			aligned = new Volume(stack.width(), stack.height(), out, stack.voxelXUm(), stack.voxelYUm(), stack.voxelZUm());
		}
		progress.report(1, String.format(Locale.ROOT, "Aligned %d slices", n));
		return new SliceAlignResult(new ArrayList<>(Arrays.asList(t)), Arrays.asList(pairs), aligned, referenceSlice);
	}

	/** Slice z as a one-slice volume sharing the pixels. */
	static Volume slice(Volume stack, int z) {
		return new Volume(stack.width(), stack.height(), new float[][] { stack.slice(z) }, stack.voxelXUm(), stack.voxelYUm(), stack.voxelZUm());
	}
}
