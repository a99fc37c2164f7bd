package cn.gov.eco.notice.document;

import java.util.List;
import java.util.Objects;

/**
 * The issuing agency's fixed details, filled into the {@code agency.*} placeholders of every template. All of them
 * vary by agency and province: configuration ({@code notice.agency.*}, {@code notice.documents.*}), never code.
 *
 * @param name        e.g. 泉州市生态环境局
 * @param contact     e.g. 联系人及电话
 * @param address     postal address
 * @param platforms   publicity platforms used when a notice names none (the province's list)
 * @param payment     where and how a fine is paid (行政处罚法 Art. 67: the party pays at the designated bank or
 *                    electronically; the agency does not collect it itself)
 * @param redFastLane the fast lane to restore a RED (环保不良) environmental credit level after rectification, as the
 *                    agency offers it; empty when it offers none
 * @param sealImage   a PNG of the agency's seal drawn over the signature block, beside the digital seal; null for
 *                    none (the digital seal alone is the legal one)
 */
public record AgencyProfile(String name, String contact, String address, List<String> platforms, Payment payment,
                            String redFastLane, SealImage sealImage) {

    public AgencyProfile {
        Objects.requireNonNull(name, "name");
        contact = contact == null ? "" : contact;
        address = address == null ? "" : address;
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        payment = payment == null ? Payment.NONE : payment;
        redFastLane = redFastLane == null ? "" : redFastLane;
    }

    public AgencyProfile(String name, String contact, String address, List<String> platforms) {
        this(name, contact, address, platforms, null, null, null);
    }

    /**
     * How a fine is paid: the non-tax revenue account (收款银行、户名、账号) and the electronic way (缴款码 / 电子缴款).
     * Empty values are not printed.
     */
    public record Payment(String bank, String accountName, String account, String electronic) {

        public static final Payment NONE = new Payment("", "", "", "");

        public Payment {
            bank = bank == null ? "" : bank;
            accountName = accountName == null ? "" : accountName;
            account = account == null ? "" : account;
            electronic = electronic == null ? "" : electronic;
        }
    }

    /**
     * A seal picture (PNG, transparent outside the seal) and its printed diameter in millimetres (42 mm is the usual
     * official seal).
     */
    public record SealImage(byte[] png, float diameterMm) {

        public SealImage {
            Objects.requireNonNull(png, "png");
            if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                throw new IllegalArgumentException("the seal image must be a PNG file");
            }
            if (diameterMm <= 0 || diameterMm > 80) {
                throw new IllegalArgumentException("the seal's diameter must be between 0 and 80 mm, got " + diameterMm);
            }
        }
    }
}
