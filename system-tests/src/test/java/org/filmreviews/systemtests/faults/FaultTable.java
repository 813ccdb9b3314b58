package org.filmreviews.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fault suite's result: one row per fault, printed and written to {@code target/fault-table.md}. */
final class FaultTable {

    /** What a fault did to the reviews posted around it; {@code notes} are what was checked besides, {@code problems} what went wrong. */
    record Row(String fault, int sent, int accepted, int finals, int onPage, int lost, int duplicated, List<String> notes,
            List<String> problems) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String scale;

    FaultTable(String scale) {
        this.scale = scale;
    }

    synchronized void add(Row row) {
        rows.add(row);
        String line = format(List.of(row));
        System.out.println(line.substring(line.lastIndexOf("\n|", line.length() - 2) + 1));
        row.problems().stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
    }

    synchronized String render() {
        return "Fault suite (" + scale + ")\n\n" + format(rows);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| fault | sent | accepted | final | on page | lost | duplicated | also checked |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(row.fault()).append(" | ").append(row.sent()).append(" | ").append(row.accepted())
                    .append(" | ")
                    .append(row.finals()).append(" | ").append(row.onPage()).append(" | ").append(row.lost()).append(" | ")
                    .append(row.duplicated()).append(" | ").append(String.join("; ", row.notes())).append(" |\n");
        }
        return table.toString();
    }
}
