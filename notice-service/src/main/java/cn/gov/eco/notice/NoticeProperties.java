package cn.gov.eco.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The issuing agency as the documents present it, and where the renderer finds its font and any agency templates
 * ({@code notice.*}). Every value here varies by agency or province: configuration, not code.
 *
 * @param fontPath     the CJK font to embed (WenQuanYi Micro Hei from Debian's fonts-wqy-microhei by default)
 * @param templatesDir a directory of agency templates overriding the built-in zh-CN ones; empty for the built-ins
 */
@ConfigurationProperties("notice")
public record NoticeProperties(String fontPath, String templatesDir, Agency agency, String electronicChannel) {

    public record Agency(String name, String address, String contact, String reconsiderationBody, String court,
                         List<String> publicityPlatforms, String applicationChannel, String processingTimeLimits) {
    }
}
