package cn.gov.eco.notice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class NoticeServiceApplication {

    /** The service's configuration file is {@code notice-service.yml}, so that all three services can share one classpath in the system tests. */
    public static final String CONFIG_NAME = "notice-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(NoticeServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
