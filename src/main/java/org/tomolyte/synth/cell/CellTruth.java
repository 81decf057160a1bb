package org.tomolyte.synth.cell;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The known truth of a synthetic cell, as plain immutable values (and as {@code truth.json} through
 * {@link TruthJson}). Positions are in µm with the centre of voxel (0,0,0) as origin; "reference" values are
 * in the frame of scan 0 (the phantom's frame), "scan" values in the frame of the scan's own volume. Each
 * scan's {@code transform} is the 3 × 4 affine (rows; last column translation, µm) mapping a point of the scan
 * to the reference frame.
 */
public final class CellTruth {
	public final String generator = "Tomolyte synthetic NaK|NASICON operando XCT cell";
	public final String frameConvention = "µm, origin at the centre of voxel (0,0,0), x = columns, y = rows, z = slices (up); "
			+ "transform maps a scan point to the reference (scan 0) frame; labels 0 air, 1 housing, 2 electrolyte, 3 liquid metal, 4 void, 5 crack, 6 chip";
	public final int widthVoxels, heightVoxels, depthVoxels;
	public final double voxelUm;
	public final double[] cellAxisUm;
	public final double pelletRadiusUm;
	public final double contactRadiusUm;
	public final double nominalContactAreaUm2;
	public final InterfacePlane interfaceReference;
	public final double roughnessRmsUm;
	public final double roughnessPeakToValleyUm;
	public final List<VoidTruth> voids;
	public final Map<String, Double> attenuationPerCm;
	public final double[] ringRadiiVoxels;
	public final double[] ringCentreVoxels;
	public final List<ScanTruth> scans;
	public final List<ProjectionTruth> projections;
	public final CellParameters parameters;

	CellTruth(CellParameters p, double[] cellAxisUm, double nominalContactAreaUm2, InterfacePlane interfaceReference, double roughnessRmsUm,
			double roughnessPeakToValleyUm, List<VoidTruth> voids, Map<String, Double> attenuationPerCm, double[] ringRadiiVoxels, List<ScanTruth> scans,
			List<ProjectionTruth> projections) {
		this.widthVoxels = p.widthVoxels();
		this.heightVoxels = p.heightVoxels();
		this.depthVoxels = p.depthVoxels();
		this.voxelUm = p.voxelUm();
		this.cellAxisUm = cellAxisUm;
		this.pelletRadiusUm = p.pelletRadiusUm();
		this.contactRadiusUm = p.contactRadiusUm();
		this.nominalContactAreaUm2 = nominalContactAreaUm2;
		this.interfaceReference = interfaceReference;
		this.roughnessRmsUm = roughnessRmsUm;
		this.roughnessPeakToValleyUm = roughnessPeakToValleyUm;
		this.voids = Collections.unmodifiableList(voids);
		this.attenuationPerCm = Collections.unmodifiableMap(attenuationPerCm);
		this.ringRadiiVoxels = ringRadiiVoxels;
		this.ringCentreVoxels = new double[] { 0.5 * (p.widthVoxels() - 1), 0.5 * (p.heightVoxels() - 1) };
		this.scans = Collections.unmodifiableList(scans);
		this.projections = Collections.unmodifiableList(projections);
		this.parameters = p;
	}

	/** The truth of one scan. */
	public static final class ScanTruth {
		public final int scan;
		public final double startS;
		public final double capacityMahCm2;
		/** 3 × 4 affine, µm, scan → reference. */
		public final double[][] transform;
		/** Readable decomposition: T(p) = Rz Ry Rx (p − c) + c + d. */
		public final double[] rotationDeg;
		public final double[] translationUm;
		public final double[] rotationCentreUm;
		/** The mean interface plane seen in this scan's frame. */
		public final InterfacePlane interfaceScan;
		/** Area where liquid metal touches the electrolyte / nominal contact area (projected on the mean plane's horizontal). */
		public final double contactFraction;
		public final double contactAreaUm2;
		public final double voidFootprintAreaUm2;
		public final CrackTruth crack;
		public final ChipTruth chip;
		/** Footprint centres of the interfacial voids (same order as {@link CellTruth#voids}) in this scan's frame. */
		public final double[][] voidCentresScanUm;

		ScanTruth(int scan, double startS, double capacityMahCm2, RigidTransform t, double[] centre, InterfacePlane interfaceScan, double contactFraction,
				double contactAreaUm2, double voidFootprintAreaUm2, CrackTruth crack, ChipTruth chip, double[][] voidCentresScanUm) {
			this.voidCentresScanUm = voidCentresScanUm;
			this.scan = scan;
			this.startS = startS;
			this.capacityMahCm2 = capacityMahCm2;
			this.transform = t.matrix();
			this.rotationDeg = t.anglesDeg();
			this.translationUm = t.translationAboutUm(centre);
			this.rotationCentreUm = centre.clone();
			this.interfaceScan = interfaceScan;
			this.contactFraction = contactFraction;
			this.contactAreaUm2 = contactAreaUm2;
			this.voidFootprintAreaUm2 = voidFootprintAreaUm2;
			this.crack = crack;
			this.chip = chip;
		}

		/** The transform as an object. */
		public RigidTransform scanToReference() {
			return RigidTransform.ofMatrix(transform);
		}
	}

	/** A plane z = meanHeightUm + slopeX (x − axisX) + slopeY (y − axisY). */
	public static final class InterfacePlane {
		public final String frame;
		public final double[] axisUm;
		public final double meanHeightUm;
		public final double meanHeightSlices;
		public final double slopeX, slopeY;
		public final double tiltXDeg, tiltYDeg;
		/** Angle between the plane normal and +z. */
		public final double tiltDeg;
		/** Direction of steepest ascent, from +x towards +y. */
		public final double tiltAzimuthDeg;
		public final double[] normal;

		InterfacePlane(String frame, double axisX, double axisY, double meanHeightUm, double voxelZUm, double slopeX, double slopeY) {
			this.frame = frame;
			this.axisUm = new double[] { axisX, axisY };
			this.meanHeightUm = meanHeightUm;
			this.meanHeightSlices = meanHeightUm / voxelZUm;
			this.slopeX = slopeX;
			this.slopeY = slopeY;
			this.tiltXDeg = Math.toDegrees(Math.atan(slopeX));
			this.tiltYDeg = Math.toDegrees(Math.atan(slopeY));
			this.tiltDeg = Math.toDegrees(Math.atan(Math.hypot(slopeX, slopeY)));
			this.tiltAzimuthDeg = Math.toDegrees(Math.atan2(slopeY, slopeX));
			double l = Math.sqrt(1 + slopeX * slopeX + slopeY * slopeY);
			this.normal = new double[] { -slopeX / l, -slopeY / l, 1 / l };
		}

		public double heightUm(double x, double y) {
			return meanHeightUm + slopeX * (x - axisUm[0]) + slopeY * (y - axisUm[1]);
		}
	}

	/** The crack in one scan; all sizes 0 when it does not exist yet. */
	public static final class CrackTruth {
		/** Track id of the crack (stable over the series), as in tracks.csv. */
		public final int trackId = 1;
		/** What happened to the crack at this scan: none, initiation, growth, infiltration (liquid metal entered) or unchanged. */
		public final String event;
		public final boolean exists;
		public final boolean infiltrated;
		public final String shape;
		/** Maximum depth below the local interface. */
		public final double depthUm, depthVoxels;
		public final double halfLengthUm;
		public final double traceLengthUm;
		/** Mid-surface area in real space (with the local interface slope). */
		public final double faceAreaUm2;
		public final double volumeUm3, volumeVoxels;
		/** Opening perpendicular to the sheet: at the mouth centre (maximum) and volume / face area (mean). */
		public final double openingMaxUm, openingMaxVoxels, openingMeanUm;
		public final double mouthAreaUm2;
		public final double dipDeg;
		/** Direction of the surface trace, from +x towards +y. */
		public final double strikeAzimuthDeg;
		public final double curvaturePerUm;
		public final double[] originUm, originScanUm;
		public final double[] traceDirection, dipDirection;
		/** Unit normal of the sheet (planar part, flat-interface frame) in the reference and scan frames. */
		public final double[] normal, normalScan;

		CrackTruth(String event, boolean exists, boolean infiltrated, String shape, double depthUm, double voxelUm, double halfLengthUm, double traceLengthUm, double faceAreaUm2,
				double volumeUm3, double openingMaxUm, double openingMeanUm, double mouthAreaUm2, double dipDeg, double strikeAzimuthDeg, double curvaturePerUm,
				double[] originUm, double[] originScanUm, double[] traceDirection, double[] dipDirection, double[] normal, double[] normalScan) {
			this.event = event;
			this.exists = exists;
			this.infiltrated = infiltrated;
			this.shape = shape;
			this.depthUm = depthUm;
			this.depthVoxels = depthUm / voxelUm;
			this.halfLengthUm = halfLengthUm;
			this.traceLengthUm = traceLengthUm;
			this.faceAreaUm2 = faceAreaUm2;
			this.volumeUm3 = volumeUm3;
			this.volumeVoxels = volumeUm3 / (voxelUm * voxelUm * voxelUm);
			this.openingMaxUm = openingMaxUm;
			this.openingMaxVoxels = openingMaxUm / voxelUm;
			this.openingMeanUm = openingMeanUm;
			this.mouthAreaUm2 = mouthAreaUm2;
			this.dipDeg = dipDeg;
			this.strikeAzimuthDeg = strikeAzimuthDeg;
			this.curvaturePerUm = curvaturePerUm;
			this.originUm = originUm;
			this.originScanUm = originScanUm;
			this.traceDirection = traceDirection;
			this.dipDirection = dipDirection;
			this.normal = normal;
			this.normalScan = normalScan;
		}
	}

	/** The edge chip in one scan; it exists once detached. */
	public static final class ChipTruth {
		/** Track id of the chip, as in tracks.csv. */
		public final int trackId = 2;
		/** What happened to the chip at this scan: none, detachment, infiltration (filled with liquid metal) or unchanged. */
		public final String event;
		public final boolean exists;
		public final boolean detached;
		public final boolean filled;
		public final double volumeUm3, volumeVoxels;
		public final double depthUm;
		public final double footprintAreaUm2;
		public final double halfLengthUm, halfWidthUm;
		/** Centre of the footprint on the surface, reference and scan frames. */
		public final double[] centreUm, centreScanUm;

		ChipTruth(String event, boolean detached, boolean filled, ChipShape c, double voxelUm, double[] centreUm, double[] centreScanUm) {
			this.event = event;
			this.exists = detached;
			this.detached = detached;
			this.filled = filled;
			this.volumeUm3 = c.volumeUm3();
			this.volumeVoxels = c.volumeUm3() / (voxelUm * voxelUm * voxelUm);
			this.depthUm = c.depthUm();
			this.footprintAreaUm2 = c.footprintAreaUm2();
			this.halfLengthUm = c.halfLengthUm;
			this.halfWidthUm = c.halfWidthUm;
			this.centreUm = centreUm;
			this.centreScanUm = centreScanUm;
		}
	}

	/** One interfacial void (static over the series), reference frame. */
	public static final class VoidTruth {
		/** (x, y) of the footprint centre and z of the interface there. */
		public final double[] centreUm;
		public final double radiusUm, halfHeightUm, volumeUm3, footprintAreaUm2;

		VoidTruth(InterfaceVoid v, double surfaceZ) {
			this.centreUm = new double[] { v.centreXUm(), v.centreYUm(), surfaceZ };
			this.radiusUm = v.radiusUm();
			this.halfHeightUm = v.halfHeightUm();
			this.volumeUm3 = v.volumeUm3();
			this.footprintAreaUm2 = v.footprintAreaUm2();
		}
	}

	/** The acquisition truth of one projected slice. */
	public static final class ProjectionTruth {
		public final int scan;
		public final int slice;
		public final int angleCount;
		public final int detectorWidth;
		/** Detector coordinate (pixels from the centre of column 0) of the rotation axis. */
		public final double centreOfRotationPx;
		public final double centreOffsetPx;
		public final double pixelUm;
		public final double muScale;
		public final double flatCounts, darkCounts;
		public final String geometry;
		public final double[] anglesDeg;
		public final int[] deadColumns;
		public final int[] partialColumns;
		public final double[] partialColumnGains;
		/** Zinger hits as {angleIndex, column}. */
		public final int[][] zingers;
		/** Σ µ · pixel area of the exact slice times muScale, in pixel units (= Σ over columns of every noise-free projection). */
		public final double projectedMassPixels;

		ProjectionTruth(int scan, int slice, int detectorWidth, double centreOfRotationPx, double centreOffsetPx, double pixelUm, ProjectionParameters pp,
				double[] anglesDeg, int[] deadColumns, int[] partialColumns, double[] partialColumnGains, int[][] zingers, double projectedMassPixels) {
			this.scan = scan;
			this.slice = slice;
			this.angleCount = anglesDeg.length;
			this.detectorWidth = detectorWidth;
			this.centreOfRotationPx = centreOfRotationPx;
			this.centreOffsetPx = centreOffsetPx;
			this.pixelUm = pixelUm;
			this.muScale = pp.muScale();
			this.flatCounts = pp.flatCounts();
			this.darkCounts = pp.darkCounts();
			this.geometry = "parallel beam; angle θ_i = i·180°/N; detector coordinate s = (x − xc)·cosθ + (y − yc)·sinθ + centreOfRotationPx in pixels, "
					+ "(xc, yc) = image centre; counts = dark + gain·flat·exp(−muScale · Σµ[1/cm]·pixel[cm]) with Poisson noise";
			this.anglesDeg = anglesDeg;
			this.deadColumns = deadColumns;
			this.partialColumns = partialColumns;
			this.partialColumnGains = partialColumnGains;
			this.zingers = zingers;
			this.projectedMassPixels = projectedMassPixels;
		}
	}
}
