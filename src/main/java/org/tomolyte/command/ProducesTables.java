package org.tomolyte.command;

import java.util.List;

import org.tomolyte.model.Table;

/**
 * A command whose results include tables for the user to see. Hosts show them (ImageJ ResultsTables in
 * Fiji); headless runs rely on the CSV files the command writes. Kept out of SciJava outputs so hosts
 * that cannot display a {@link Table} do not warn.
 */
public interface ProducesTables {
	/** The tables of the last run, in the order to show them. */
	List<Table> tables();
}
