package dev.newspipe.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The evaluation's output: sections of text lines and tables, printed aligned or written as Markdown. */
public final class Report {

    private sealed interface Block permits Heading, Text, Table {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Text(String text) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public Report heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public Report text(String text) {
        blocks.add(new Text(text));
        return this;
    }

    /** Starts a table; add rows to the returned list. */
    public List<List<String>> table(String... header) {
        Table table = new Table(List.of(header), new ArrayList<>());
        blocks.add(table);
        return table.rows();
    }

    public static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(String::valueOf).toList();
    }

    /** For a terminal: headings underlined, tables with padded columns. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append('\n').append(heading.text()).append('\n')
                        .append((heading.level() == 1 ? "=" : "-").repeat(heading.text().length())).append('\n');
            } else if (block instanceof Text text) {
                out.append(text.text()).append('\n');
            } else if (block instanceof Table table) {
                int[] widths = new int[table.header().size()];
                for (List<String> line : allLines(table)) {
                    for (int c = 0; c < line.size() && c < widths.length; c++) {
                        widths[c] = Math.max(widths[c], line.get(c).length());
                    }
                }
                boolean[] figures = figureColumns(table);
                for (List<String> line : allLines(table)) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 0; c < line.size() && c < widths.length; c++) {
                        String cell = line.get(c);
                        // Columns of figures right-aligned, header included, so that digits line up.
                        row.append(figures[c] ? padLeft(cell, widths[c]) : pad(cell, widths[c])).append("  ");
                    }
                    out.append(row.toString().stripTrailing()).append('\n');
                }
            }
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(heading.text()).append("\n\n");
            } else if (block instanceof Text text) {
                out.append(text.text()).append("\n\n");
            } else if (block instanceof Table table) {
                out.append(markdownRow(table.header()));
                out.append(markdownRow(table.header().stream().map(h -> "---").toList()));
                for (List<String> row : table.rows()) {
                    out.append(markdownRow(row));
                }
                out.append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    private static List<List<String>> allLines(Table table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header());
        lines.addAll(table.rows());
        return lines;
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }

    private static boolean[] figureColumns(Table table) {
        boolean[] figures = new boolean[table.header().size()];
        for (int c = 0; c < figures.length; c++) {
            int column = c;
            figures[c] = !table.rows().isEmpty()
                    && table.rows().stream().allMatch(row -> column >= row.size() || isFigure(row.get(column)));
        }
        return figures;
    }

    private static boolean isFigure(String cell) {
        return cell.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
