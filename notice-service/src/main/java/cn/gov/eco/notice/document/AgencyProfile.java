package cn.gov.eco.notice.document;

import java.util.List;
import java.util.Objects;

/**
 * The issuing agency's fixed details, filled into the {@code agency.*} placeholders of every template.
 *
 * @param name      e.g. 泉州市生态环境局
 * @param contact   e.g. 联系人及电话
 * @param address   postal address
 * @param platforms publicity platforms used when a notice names none
 */
public record AgencyProfile(String name, String contact, String address, List<String> platforms) {

    public AgencyProfile {
        Objects.requireNonNull(name, "name");
        contact = contact == null ? "" : contact;
        address = address == null ? "" : address;
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
