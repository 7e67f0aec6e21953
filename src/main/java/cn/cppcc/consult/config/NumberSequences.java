package cn.cppcc.consult.config;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

import cn.cppcc.consult.process.EngineClock;

/**
 * Document numbers such as XS2026-00001, drawn from database sequences so that nodes of a cluster
 * never hand out the same number and a rolled-back transaction never blocks another.
 */
@Component
public class NumberSequences {

    private final DataFieldMaxValueIncrementer topics;
    private final DataFieldMaxValueIncrementer consultations;

    NumberSequences(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        boolean postgres = product.toLowerCase().contains("postgres");
        topics = postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, "topic_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "topic_number_seq");
        consultations = postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, "consultation_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "consultation_number_seq");
    }

    /** 议题编号, e.g. YT2026-00001. */
    public String nextTopicNumber() {
        return format("YT", topics.nextLongValue());
    }

    /** 协商编号, e.g. XS2026-00001: the business key of the consultation's process instance. */
    public String nextConsultationNumber() {
        return format("XS", consultations.nextLongValue());
    }

    private static String format(String prefix, long value) {
        return "%s%d-%05d".formatted(prefix, EngineClock.now().getYear(), value);
    }
}
