package cn.cppcc.consult.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * CSV as Excel opens it in China: UTF-8 with a byte order mark (without it Excel reads GBK and shows
 * mojibake), CRLF lines, fields quoted when needed, and cells that would start a formula (= + - @)
 * prefixed with an apostrophe so a topic title can never run as a formula.
 */
public final class Csv implements AutoCloseable {

    private final Writer out;

    private Csv(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /** Starts a CSV download named {@code fileName} (Chinese allowed) on the response. */
    public static Csv download(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        Csv csv = new Csv(response.getOutputStream());
        csv.out.write('\uFEFF');
        return csv;
    }

    public static Csv to(OutputStream stream) {
        Csv csv = new Csv(stream);
        try {
            csv.out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv;
    }

    public Csv row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Csv row(Object... cells) {
        return row(List.of(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
