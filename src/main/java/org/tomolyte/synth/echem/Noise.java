package org.tomolyte.synth.echem;

import java.util.Random;

/**
 * Seeded measurement noise of a potentiostat: Gaussian voltage noise and a current noise with a relative
 * (range-proportional) and an absolute part; open-circuit rows read exactly 0 mA as EC-Lab records them.
 */
final class Noise {
	private final Random random;
	private final double voltageSigmaV;
	private final double currentRel;
	private final double currentAbsMa;

	Noise(long seed, double voltageSigmaV, double currentRel, double currentAbsMa) {
		this.random = new Random(seed);
		this.voltageSigmaV = voltageSigmaV;
		this.currentRel = currentRel;
		this.currentAbsMa = currentAbsMa;
	}

	double voltage(double v) {
		return v + voltageSigmaV * random.nextGaussian();
	}

	double voltage(double v, double extraSigmaV) {
		return v + Math.hypot(voltageSigmaV, extraSigmaV) * random.nextGaussian();
	}

	double current(double setMa) {
		if (setMa == 0) return 0;
		return setMa * (1 + currentRel * random.nextGaussian()) + currentAbsMa * random.nextGaussian();
	}

	double gaussian() {
		return random.nextGaussian();
	}
}
