package org.llmrecon.runtime.internal.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with two spaces between them; {@code null} cells show as {@code -}. In a terminal (the
 * session's {@code COLUMNS}, see {@link Text#columns()}) the widest columns are narrowed until the table fits and
 * their cells wrap between words onto further lines, so no text is lost; a table that cannot fit without
 * breaking words keeps one line per row, as it does elsewhere.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[rows.get(0).length];
        for (int i = 0; i < r.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null || c.toString().isEmpty() ? "-" : Text.clean(c.toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    @Override
    public String toString() {
        return render(Text.columns());
    }

    /** @param columns the width to fit in, 0 for no limit */
    String render(int columns) {
        int[] width = new int[rows.get(0).length];
        int[] word = new int[width.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
                for (String w : r[i].split(" ")) {
                    word[i] = Math.max(word[i], w.length());
                }
            }
        }
        if (columns > 0) {
            fit(width, word, columns);
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < r.length; i++) {
                cells.add(wrap(r[i], width[i]));
                height = Math.max(height, cells.get(i).size());
            }
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    String part = l < cells.get(i).size() ? cells.get(i).get(l) : "";
                    line.append(i == r.length - 1 ? part : String.format("%-" + width[i] + "s  ", part));
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return b.substring(0, b.length() - 1);
    }

    /** Narrows the widest column, one character at a time, until the table fits (one spare column at the end). */
    private static void fit(int[] width, int[] word, int columns) {
        int[] natural = width.clone();
        int total = 2 * (width.length - 1);
        for (int w : width) {
            total += w;
        }
        while (total > columns - 1) {
            int widest = -1;
            for (int i = 0; i < width.length; i++) {
                if (width[i] > word[i] && (widest < 0 || width[i] > width[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                System.arraycopy(natural, 0, width, 0, width.length);
                return;
            }
            width[widest]--;
            total--;
        }
    }

    /** Breaks at the last space that fits (no word is longer than the width). */
    private static List<String> wrap(String text, int width) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int space = rest.lastIndexOf(' ', width);
            int end = space > 0 ? space : width;
            parts.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        parts.add(rest);
        return parts;
    }
}
