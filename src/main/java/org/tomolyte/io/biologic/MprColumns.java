package org.tomolyte.io.biologic;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The column-ID table of EC-Lab {@code .mpr} data modules: which quantity each 16-bit ID stands for, under the
 * name EC-Lab's text export gives it, and how it is stored. Reverse engineered by the community (galvani's
 * BioLogic.py, yadg's eclab extractor, the names listed in BioLogic's OLE/COM manual) and checked here against
 * every {@code .mpr}/{@code .mpt} pair of the shared data: the IDs in {@link #VERIFIED} decoded to the exported
 * values. Other entries come from those sources alone; a wrong width among them cannot go unnoticed because
 * the reader checks the summed row width against the data module's length.
 * <p>
 * Some IDs published by galvani and yadg (178, 179, 182, 211-213, 217-241) are artefacts of reading the
 * 11.50+ ID list one byte off (only the low byte of 434, 435, 438, 467-469, 473-497); they are not used here.
 */
final class MprColumns {
	private MprColumns() {}

	/** A data column: the export name and the stored type. */
	static final class Column {
		final int id;
		final String name;
		final MprValueType type;

		Column(int id, String name, MprValueType type) {
			this.id = id;
			this.name = name;
			this.type = type;
		}
	}

	/** A one-bit or two-bit flag packed, with the other flags, into a single byte per row. */
	static final class Flag {
		final int id;
		final String name;
		final int mask;

		Flag(int id, String name, int mask) {
			this.id = id;
			this.name = name;
			this.mask = mask;
		}

		/** The flag's value (0..3 for mode, 0/1 for the others) from the packed byte. */
		int value(int packed) {
			return (packed & mask) >>> Integer.numberOfTrailingZeros(mask);
		}
	}

	private static final Map<Integer, Column> COLUMNS = new HashMap<>();
	private static final Map<Integer, Flag> FLAGS = new HashMap<>();

	/** IDs whose name and width were confirmed on the shared real files (value-by-value against the export). */
	static final Set<Integer> VERIFIED = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17, 19, 20, 21, 23, 24, 31, 32, 33, 34, 35, 36,
			37, 38, 39, 65, 70, 74, 76, 77, 96, 98, 99, 100, 101, 123, 124, 125, 126, 131, 169, 172, 174, 430, 431, 432, 433, 434, 435,
			438, 441, 467, 468, 469, 471, 473, 474, 475, 476, 477, 478, 479, 480, 486, 487, 488, 489, 490, 491, 492, 493, 494, 495, 496,
			497);

	static final String MU = "\u00b5";
	static final String DEG = "\u00b0";

	static {
		flag(1, "mode", 0x03);
		flag(2, "ox/red", 0x04);
		flag(3, "error", 0x08);
		flag(21, "control changes", 0x10);
		flag(31, "Ns changes", 0x20);
		// 0x40 is set on the last row of many files and exported nowhere: a stop marker, not a quantity.
		flag(65, "counter inc.", 0x80);

		f8(4, "time/s");
		f4(5, "control/V/mA");
		f4(6, "Ewe/V");
		f8(7, "dq/mA.h");
		f4(8, "I/mA");
		f4(9, "Ece/V");
		f4(10, "Aux/V");
		f8(11, "<I>/mA");
		f4(12, "log(|<I>/A|)");
		f8(13, "(Q-Qo)/mA.h");
		f4(14, "x");
		f4(16, "Analog IN 1/V");
		f4(17, "Analog IN 2/V");
		f4(18, "Analog IN 3/V");
		f4(19, "control/V");
		f4(20, "control/mA");
		f4(22, "log(|I/A|)");
		f8(23, "dQ/mA.h");
		f8(24, "cycle number");
		f8(25, "DQ/mA.h");
		f4(26, "Rapp/Ohm");
		f4(27, "Ewe-Ece/V");
		f4(28, "control/" + DEG + "C");
		f4(29, "T/" + DEG + "C");
		f4(30, "rotation rate/rpm");
		f4(32, "freq/Hz");
		f4(33, "|Ewe|/V");
		f4(34, "|I|/A");
		f4(35, "Phase(Z)/deg");
		f4(36, "|Z|/Ohm");
		f4(37, "Re(Z)/Ohm");
		f4(38, "-Im(Z)/Ohm");
		u2(39, "I Range");
		f8(40, "Q charge/mA.h");
		f8(41, "Q discharge/mA.h");
		f8(42, "Q charge (mA.h/g)");
		f8(43, "Q discharge (mA.h/g)");
		f8(44, "Q anodic/C");
		f8(45, "Q cathodic/C");
		f8(46, "Q anodic (C/cm" + "\u00b2)");
		f8(47, "Q cathodic (C/cm" + "\u00b2)");
		u4(48, "Tech Num");
		u4(49, "End buf");
		f4(50, "E0/V");
		f4(51, "Ian min/mA");
		f4(52, "Ian max/mA");
		f4(53, "Ica min/mA");
		f4(54, "Ica max/mA");
		f4(55, "Ean end/V");
		f4(56, "Eca end/V");
		f4(57, "Ece min/V");
		f4(58, "Ece max/V");
		f4(59, "Analog IN 1/V min");
		f4(60, "Analog IN 1/V max");
		f4(61, "Analog IN 2/V min");
		f4(62, "Analog IN 2/V max");
		f4(63, "Analog IN 3/V min");
		f4(64, "Analog IN 3/V max");
		f4(66, "I forward/mA");
		f4(67, "I reverse/mA");
		f4(68, "I delta/" + MU + "A");
		f4(69, "R/Ohm");
		f4(70, "P/W");
		f4(71, "control/" + DEG + "C");
		f4(72, "T/" + DEG + "C");
		f4(73, "rotation rate/rpm");
		f8(74, "|Energy|/W.h");
		f4(75, "Analog OUT/V");
		f4(76, "<I>/mA");
		f4(77, "<Ewe>/V");
		f4(78, "Cs-2/" + MU + "F-2");
		f4(79, "E step/V");
		f4(80, "Rp/Ohm");
		f4(81, "Ecorr/V");
		f4(82, "Icorr/mA");
		f4(83, "I/A/cm2");
		f4(84, "Q/C/cm2");
		f4(85, "Aux");
		for (int i = 1; i <= 10; i++)
			f4(85 + i, "Unk" + i);
		f4(96, "|Ece|/V");
		f4(97, "|Ice|/A");
		f4(98, "Phase(Zce)/deg");
		f4(99, "|Zce|/Ohm");
		f4(100, "Re(Zce)/Ohm");
		f4(101, "-Im(Zce)/Ohm");
		f4(102, "Cce-2/" + MU + "F-2");
		f4(103, "Estack/V");
		f4(104, "Istack/A");
		f4(105, "|E21|/V");
		f4(106, "Phase(Z21)/deg");
		f4(107, "|E32|/V");
		f4(108, "Phase(Z32)/deg");
		f4(109, "|Z21|/Ohm");
		f4(110, "Re(Z21)/Ohm");
		f4(111, "-Im(Z21)/Ohm");
		f4(112, "C21-2/" + MU + "F-2");
		f4(113, "|Z32|/Ohm");
		f4(114, "Re(Z32)/Ohm");
		f4(115, "-Im(Z32)/Ohm");
		f4(116, "C32-2/" + MU + "F-2");
		f4(117, "E21/V");
		f4(118, "E32/V");
		f4(119, "Re(Y)/Ohm-1");
		f4(120, "Im(Y)/Ohm-1");
		f4(121, "|Y|/Ohm-1");
		f4(122, "Phase(Y)/deg");
		f8(123, "Energy charge/W.h");
		f8(124, "Energy discharge/W.h");
		f8(125, "Capacitance charge/" + MU + "F");
		f8(126, "Capacitance discharge/" + MU + "F");
		f4(127, "Delta(Phase(Z))/%");
		f4(128, "Delta(|Z|)/%");
		f4(129, "Delta(Re(Z))/%");
		f4(130, "Delta(-Im(Z))/%");
		u2(131, "Ns");
		f4(132, "dI/dt/mA/s");
		f4(133, "Delta(mass)/g");
		for (int i = 1; i <= 20; i++)
			f4(133 + i, String.format("Custom%02d", i));
		f4(154, "Delta(Phase(Y))/%");
		f4(155, "Delta(|Y|)/%");
		f4(156, "Delta(Re(Y))/%");
		f4(157, "Delta(-Im(Y))/%");
		f4(158, "t low");
		f4(159, "t high");
		f4(160, "dt/dE/s/V");
		f4(161, "Delta(Phase(Z))/deg");
		f4(162, "Delta(Phase(Y))/deg");
		f4(163, "|Estack|/V");
		f4(164, "|Istack|/A");
		f4(167, "Phase(I)/rad");
		f4(168, "Rcmp/Ohm");
		f4(169, "Cs/" + MU + "F");
		f4(170, "sin ampl/V");
		f4(171, "Conductivity/S.cm-1");
		f4(172, "Cp/" + MU + "F");
		f4(173, "Cp-2/" + MU + "F-2");
		f4(174, "<Ewe>/V");
		f8(175, "Efficiency/%");
		f4(176, "Cycling rate charge");
		f4(177, "Cycling rate discharge");
		u4(208, "shot number");
		u4(209, "pad number");
		u4(210, "electrode number");
		// Multi-electrode (stack) quantities 1..30, laid out in blocks of 30 IDs.
		for (int k = 1; k <= 30; k++) {
			f4(210 + k, "E" + k + "/V");
			f4(240 + k, "|E" + k + "|/V");
			f4(270 + k, "Phase(Z" + k + ")/deg");
			f4(300 + k, "|Z" + k + "|/Ohm");
			f4(330 + k, "Re(Z" + k + ")/Ohm");
			f4(360 + k, "-Im(Z" + k + ")/Ohm");
			f4(390 + k, "<E" + k + ">/V");
		}
		f4(421, "Phase2/deg");
		f4(422, "Phase(Zstack)/deg");
		f4(423, "|Zstack|/Ohm");
		f4(424, "Re(Zstack)/Ohm");
		f4(425, "-Im(Zstack)/Ohm");
		f4(426, "<Estack>/V");
		f4(427, "<Istack>/mA");
		f4(430, "Phase(Zwe-ce)/deg");
		f4(431, "|Zwe-ce|/Ohm");
		f4(432, "Re(Zwe-ce)/Ohm");
		f4(433, "-Im(Zwe-ce)/Ohm");
		f4(434, "(Q-Qo)/C");
		f4(435, "dQ/C");
		f4(436, "Ece dc/V");
		f8(437, "cycle time/s");
		f8(438, "step time/s");
		f8(439, "charge time/s");
		f8(440, "discharge time/s");
		f4(441, "<Ece>/V");
		f8(442, "d(Q-Qo)/dE/mA.h/V");
		f8(443, "Capacity/mA.h");
		f4(444, "control disk/V");
		f4(445, "control disk/mA");
		f4(446, "Edisk/V");
		f4(447, "Ecedisk=Ecering/V");
		f4(448, "Idisk/mA");
		f8(449, "dQdisk/C");
		f8(450, "(Q-Qo)disk/C");
		f4(452, "control ring/V");
		f4(453, "Ering/V");
		f4(454, "Iring/mA");
		f8(455, "(Q-Qo)ring/C");
		f4(456, "Pdisk/W");
		f4(457, "Pring/W");
		f4(458, "Edisk-Ece/V");
		f4(459, "Ering-Ece/V");
		f8(460, "<time>/s");
		f4(461, "<EweX>/V");
		f4(462, "Temperature/" + DEG + "C");
		u1(463, "Ramp upwards");
		f4(464, "Time/" + MU + "s");
		u2(465, "I Range disk");
		u2(466, "I Range ring");
		f8(467, "Q charge/discharge/mA.h");
		u4(468, "half cycle");
		u4(469, "z cycle");
		f4(470, "It/mA");
		f4(471, "<Ece>/V");
		f4(472, "Vcorr/mm/yr");
		f4(473, "THD Ewe/%");
		f4(474, "THD I/%");
		f4(475, "THD Ece/%");
		f4(476, "NSD Ewe/%");
		f4(477, "NSD I/%");
		f4(478, "NSD Ece/%");
		f4(479, "NSR Ewe/%");
		f4(480, "NSR I/%");
		f4(481, "NSR Ece/%");
		u1(482, "ShuntIsChanging");
		u1(483, "ModeIsChanging");
		u4(484, "NbIterInstr");
		f4(485, "Instr");
		for (int h = 2; h <= 7; h++) {
			f4(484 + h, "|Ewe h" + h + "|/V");
			f4(490 + h, "|I h" + h + "|/A");
			f4(496 + h, "|Ece h" + h + "|/V");
		}
		f4(504, "Rac/Ohm");
		f4(505, "Rdc/Ohm");
		f4(506, "TCU control/" + DEG + "C");
		f4(507, "TCU meas. /" + DEG + "C");
		u1(508, "Regulation");
		u1(509, "Acir/Dcir Control");
		f8(510, "LTime/s");
		f4(511, "Re(C)/nF");
		f4(512, "Im(C)/nF");
		f4(513, "|C|/nF");
		f4(514, "Phase(C)/deg");
		f4(515, "Re(M)");
		f4(516, "Im(M)");
		f4(517, "|M|");
		f4(518, "Phase(M)/deg");
		f4(519, "Re(Permittivity)");
		f4(520, "Im(Permittivity)");
		f4(521, "|Permittivity|");
		f4(522, "Phase(Permittivity)/deg");
		f4(523, "Re(Conductivity)/mS/cm");
		f4(524, "Im(Conductivity)/mS/cm");
		f4(525, "|Conductivity|/mS/cm");
		f4(526, "Phase(Conductivity)/deg");
		f4(527, "Re(Resistivity)/Ohm.cm");
		f4(528, "Im(Resistivity)/Ohm.cm");
		f4(529, "|Resistivity|/Ohm.cm");
		f4(530, "Phase(Resistivity)/deg");
		f4(531, "Tan(Delta)");
		f4(532, "Loss Angle(Delta)/deg");
		f4(533, "TCU base /" + DEG + "C");
		f4(534, "TCU cell /" + DEG + "C");
		f4(535, "TCU sample/" + DEG + "C");
		f4(536, "Ewe initial/V");
		f4(537, "Ewe final/V");
		f4(538, "I initial/mA");
		f4(539, "I final/mA");
		f4(540, "P min/W");
		f4(541, "P max/W");
		f4(542, "T min/" + DEG + "C");
		f4(543, "T max/" + DEG + "C");
	}

	private static void flag(int id, String name, int mask) {
		FLAGS.put(id, new Flag(id, name, mask));
	}

	private static void put(int id, String name, MprValueType t) {
		if (COLUMNS.put(id, new Column(id, name, t)) != null) throw new IllegalStateException("duplicate column id " + id);
	}

	private static void f4(int id, String name) {
		put(id, name, MprValueType.FLOAT32);
	}

	private static void f8(int id, String name) {
		put(id, name, MprValueType.FLOAT64);
	}

	private static void u1(int id, String name) {
		put(id, name, MprValueType.UINT8);
	}

	private static void u2(int id, String name) {
		put(id, name, MprValueType.UINT16);
	}

	private static void u4(int id, String name) {
		put(id, name, MprValueType.UINT32);
	}

	/** The data column for an ID, or null if the ID is a flag or unknown. */
	static Column column(int id) {
		return COLUMNS.get(id);
	}

	/** The flag for an ID, or null if the ID is not a packed flag. */
	static Flag flag(int id) {
		return FLAGS.get(id);
	}
}
