package cn.cppcc.consult.reliability;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's own PostgreSQL database, created fresh beside the one {@code SPRING_DATASOURCE_URL}
 * names and dropped at the end. Each query opens its own connection, so the suite's checks survive
 * the server's restart.
 */
final class Database {

    final String url;
    final String user;
    final String password;
    private final String serverUrl;
    private final String name;

    private Database(String serverUrl, String name, String user, String password) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = serverUrl + name;
        this.user = user;
        this.password = password;
    }

    /** A new database on the server of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/any}). */
    static Database create(String jdbcUrl, String user, String password) throws SQLException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String server = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/";
        Database database = new Database(server, "consult_reliability_" + System.currentTimeMillis(), user, password);
        database.onServer("create database " + database.name);
        return database;
    }

    void drop() throws SQLException {
        onServer("drop database if exists " + name + " with (force)");
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            connection.createStatement().execute(sql);
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).get(0).get(0)).longValue();
    }

    List<String> strings(String sql, Object... params) throws SQLException {
        return rows(sql, params).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    boolean reachable() {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
