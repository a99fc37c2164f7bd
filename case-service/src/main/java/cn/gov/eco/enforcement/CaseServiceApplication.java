package cn.gov.eco.enforcement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class CaseServiceApplication {

    /** The service's configuration file is {@code case-service.yml}, so that all three services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "case-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CaseServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
