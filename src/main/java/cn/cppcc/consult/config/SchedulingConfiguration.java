package cn.cppcc.consult.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping that every node does on its own (e.g. sweeping expired rate-limit buckets). */
@Configuration
@EnableScheduling
public class SchedulingConfiguration {
}
