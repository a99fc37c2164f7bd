package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.DocumentRendering;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code lifecycle.documents.render}: how long rendering and sealing the two documents of one decision takes (两书:
 * the penalty decision and the repair-rights notice, each signed with the agency's electronic seal), and whether it
 * succeeded. The renderer is timed where it is wired, without changing it.
 */
@Configuration(proxyBeanMethods = false)
public class RenderingMeters {

    @Bean
    static BeanPostProcessor timedDocumentRendering(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DocumentRendering rendering)) {
                    return bean;
                }
                return (DocumentRendering) (decided, plan, noticeNumber) -> {
                    Timer.Sample sample = Timer.start();
                    String outcome = "failed";
                    try {
                        var pair = rendering.render(decided, plan, noticeNumber);
                        outcome = "rendered";
                        return pair;
                    } finally {
                        sample.stop(Timer.builder("lifecycle.documents.render")
                                .description("Rendering and sealing the two documents of one decision (两书)")
                                .tag("outcome", outcome).register(registry.getObject()));
                    }
                };
            }
        };
    }
}
