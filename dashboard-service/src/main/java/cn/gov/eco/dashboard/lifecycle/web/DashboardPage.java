package cn.gov.eco.dashboard.lifecycle.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page at {@code /dashboard/} (static files, no data: the scripts read the API with the user's token). */
@Configuration(proxyBeanMethods = false)
public class DashboardPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // no build step, no hashed names: the browser revalidates every file
        registry.addResourceHandler("/dashboard/**").addResourceLocations("classpath:/static/dashboard/")
                .setCacheControl(CacheControl.noCache());
    }
}
