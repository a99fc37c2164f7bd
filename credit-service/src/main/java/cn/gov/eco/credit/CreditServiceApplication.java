package cn.gov.eco.credit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class CreditServiceApplication {

    /** The service's configuration file is {@code credit-service.yml}, so that all three services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "credit-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CreditServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
