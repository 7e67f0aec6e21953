package cn.cppcc.consult.security;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Rate limits of the citizens' pages, per client address and action (Bucket4j token buckets).
 *
 * <p>On PostgreSQL the buckets live in table {@code rate_limit_bucket} and every node of a cluster
 * consumes from the same bucket under a row lock ({@code SELECT … FOR UPDATE}, in a connection and
 * transaction of its own, so a refused request leaves no trace in the caller's transaction): the
 * limit holds for the whole cluster, not per node. Node clocks must agree (NTP). On H2, which only
 * one node can use, the buckets are kept in memory (Caffeine, bounded, expiring).
 */
@Component
public class PublicRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PublicRateLimiter.class);

    public enum Action {
        SUBMIT, LOOKUP
    }

    /** A refusal says when to try again. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    private final ProxyManager<String> buckets;
    private final Map<Action, BucketConfiguration> limits;

    PublicRateLimiter(DataSource dataSource,
            @Value("${consult.public.rate-limit.submissions:5}") long submissions,
            @Value("${consult.public.rate-limit.lookups:20}") long lookups,
            @Value("${consult.public.rate-limit.period:PT10M}") Duration period) throws MetaDataAccessException {
        this.limits = Map.of(Action.SUBMIT, limit(submissions, period), Action.LOOKUP, limit(lookups, period));
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if (product.toLowerCase().contains("postgres")) {
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(expiry)
                    .build();
        } else {
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                    .expirationAfterWrite(expiry)
                    .build();
        }
    }

    private static BucketConfiguration limit(long tokens, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, period))
                .build();
    }

    /** Takes one token from the client's bucket for the action. */
    public Verdict tryConsume(Action action, String client) {
        String key = (action.name() + ":" + client);
        key = key.length() > 100 ? key.substring(0, 100) : key;
        ConsumptionProbe probe = buckets.builder().build(key, () -> limits.get(action)).tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }

    /** Sweeps buckets that have refilled completely (PostgreSQL; every node may, rows are claimed with SKIP LOCKED). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void sweep() {
        if (buckets instanceof ExpiredEntriesCleaner cleaner) {
            int removed = cleaner.removeExpired(1000);
            if (removed > 0) {
                LOG.debug("rate_limit_bucket: {} expired buckets removed", removed);
            }
        }
    }
}
