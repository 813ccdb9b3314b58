package org.filmreviews.bench.pipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one run measured, written as {@code pipeline.md} (tables), {@code pipeline.json} (the same figures for
 * tools) and {@code pipeline-latency.png} (latency percentiles of the submissions, the pipeline and Kafka).
 */
public final class PipelineReport {

    /** One figure of the system beside the raw limit it is compared with. */
    record Figure(String name, double value, String unit, String baseline, double baselineValue, Double target, String note) {

        Double ratio() {
            return baselineValue > 0 ? value / baselineValue : null;
        }

        /** Whether the ratio reaches the target; for a latency ("at most"), a ratio below the target is met. */
        Boolean met() {
            if (target == null || ratio() == null) {
                return null;
            }
            return unit.equals("ms") ? ratio() <= target : ratio() >= target;
        }
    }

    /** Latencies in milliseconds at each percentile of {@link #PERCENTILES}, for the plot. */
    record Curve(String name, double[] millis) {
    }

    static final double[] PERCENTILES = {0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};

    final Map<String, Object> context = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<String> baselines = new ArrayList<>();
    final List<String> details = new ArrayList<>();
    /** JFR summaries, by what ran while they were recorded. */
    final Map<String, List<String>> profiles = new LinkedHashMap<>();
    final List<Curve> curves = new ArrayList<>();

    static Curve curve(String name, long[] sortedNanos) {
        double[] millis = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            millis[i] = Submissions.percentileMillis(sortedNanos, PERCENTILES[i]);
        }
        return new Curve(name, millis);
    }

    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve("pipeline.md");
        Path json = directory.resolve("pipeline.json");
        Path png = directory.resolve("pipeline-latency.png");
        Files.writeString(markdown, markdown());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("context", context);
        document.put("baselines", baselines);
        document.put("figures", figures.stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.name());
            row.put("value", f.value());
            row.put("unit", f.unit());
            row.put("baseline", f.baseline());
            row.put("baselineValue", f.baselineValue());
            row.put("ratio", f.ratio());
            row.put("target", f.target());
            row.put("met", f.met());
            row.put("note", f.note());
            return row;
        }).toList());
        document.put("details", details);
        document.put("profiles", profiles);
        document.put("latencyPercentiles", PERCENTILES);
        document.put("latencies", curves);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
        ImageIO.write(plot(), "png", png.toFile());
        return List.of(markdown, json, png);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Pipeline benchmark\n\n");
        context.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Raw limits, same run\n\n");
        baselines.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append(
                "\n## The system against them\n\n| figure | measured | raw limit | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s | %s |%n", f.name(), number(f.value()), f.unit(),
                    f.baseline(), f.ratio() == null ? "—" : String.format(Locale.ROOT, "%.3f", f.ratio()),
                    f.target() == null ? "—" : (f.unit().equals("ms") ? "≤ " : "≥ ") + f.target(),
                    f.met() == null ? "—" : f.met() ? "yes" : "no"));
        }
        md.append("\n## Details\n\n");
        details.forEach(line -> md.append("- ").append(line).append('\n'));
        profiles.forEach((window, lines) -> {
            md.append("\n## Where the time goes: ").append(window).append(" (JFR)\n\n");
            lines.forEach(line -> md.append(line.startsWith("  ") ? "  - " + line.strip() : "- " + line).append('\n'));
        });
        md.append("\nLatency percentiles: `pipeline-latency.png`; every figure: `pipeline.json`.\n");
        return md.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Percentile on x, milliseconds on a log scale on y, one line per curve. */
    private BufferedImage plot() {
        int width = 900;
        int height = 520;
        int left = 80;
        int right = 260;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Latency by percentile (log scale)", left, 24);
        double max = curves.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.millis())).max().orElse(1);
        double min = curves.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.millis())).filter(v -> v > 0).min()
                .orElse(0.1);
        double logMin = Math.floor(Math.log10(Math.max(0.01, min)));
        double logMax = Math.ceil(Math.log10(Math.max(max, min * 10)));
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        g.drawRect(left, top, plotWidth, plotHeight);
        for (double decade = logMin; decade <= logMax; decade++) {
            int y = top + plotHeight - (int) ((decade - logMin) / (logMax - logMin) * plotHeight);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + 1, y, left + plotWidth - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s ms",
                    Math.pow(10, decade) >= 1 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, decade))
                            : String.format(Locale.ROOT, "%.2f", Math.pow(10, decade))),
                    8, y + 4);
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            int x = left + (int) ((double) i / (PERCENTILES.length - 1) * plotWidth);
            g.drawString(String.format(Locale.ROOT, "p%.0f", PERCENTILES[i] * 100), x - 10, top + plotHeight + 20);
        }
        Color[] colours = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189),
                new Color(255, 127, 14), new Color(140, 86, 75)};
        g.setStroke(new BasicStroke(2f));
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            g.setColor(colours[c % colours.length]);
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < PERCENTILES.length; i++) {
                int x = left + (int) ((double) i / (PERCENTILES.length - 1) * plotWidth);
                double log = Math.log10(Math.max(Math.pow(10, logMin), curve.millis()[i]));
                int y = top + plotHeight - (int) ((log - logMin) / (logMax - logMin) * plotHeight);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                g.fillOval(x - 3, y - 3, 6, 6);
                previousX = x;
                previousY = y;
            }
            g.drawString(curve.name(), left + plotWidth + 12, top + 20 + 20 * c);
        }
        g.dispose();
        return image;
    }
}
