package cn.gov.eco.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The lifecycle dashboard (数据看板): a separate application that reads only the public topics of the contract
 * catalogue with Kafka Streams, keeps its figures in RocksDB state stores and answers from them. It never reads a
 * service's database or private API, and never writes a business topic.
 */
@SpringBootApplication
public class DashboardServiceApplication {

    /** Its configuration file is {@code dashboard-service.yml}, so that all services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "dashboard-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(DashboardServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
