package cn.gov.eco.enforcement.decision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Tests run on 2026-11-23 (Asia/Shanghai), whatever the machine's date. */
@Configuration
public class FixedClock {

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    }
}
