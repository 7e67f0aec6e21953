package cn.cppcc.consult.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/** Searches the whole schema, the project's tables and the engine's, for a value (personal data tests). */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    /** "TABLE.COLUMN" of every text or binary column, of every table of the schema, that contains the value. */
    public static List<String> columnsContaining(DataSource dataSource, String value) throws SQLException {
        Set<Integer> text = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                Types.LONGNVARCHAR, Types.NCLOB);
        Set<Integer> binary = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (text.contains(type) || binary.contains(type)) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
                                binary.contains(type) ? "b" : "t"});
                    }
                }
            }
            Set<String> tables = new java.util.HashSet<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).hasSizeGreaterThan(40);
            for (String[] column : columns) {
                if (!tables.contains(column[0])) {
                    continue;
                }
                String table = "\"" + column[0] + "\"";
                String name = "\"" + column[1] + "\"";
                if (column[2].equals("t")) {
                    try (PreparedStatement select = connection.prepareStatement(
                            "select count(*) from " + table + " where " + name + " like ?")) {
                        select.setString(1, "%" + value + "%");
                        try (ResultSet rs = select.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0].toUpperCase() + "." + column[1].toUpperCase());
                            }
                        }
                    }
                } else {
                    try (PreparedStatement select = connection.prepareStatement(
                            "select " + name + " from " + table + " where " + name + " is not null");
                            ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            if (contains(rs.getBytes(1), needle)) {
                                found.add(column[0].toUpperCase() + "." + column[1].toUpperCase());
                                break;
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
