package org.familygateway.matching;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** Small JDBC helpers shared by the tables: generated ids and nullable values. */
final class Rows {

    private Rows() {
    }

    static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }

    static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isInfinite() || value.isNaN()) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    static LocalDate date(ResultSet rows, int index) throws SQLException {
        Date date = rows.getDate(index);
        return date == null ? null : date.toLocalDate();
    }
}
