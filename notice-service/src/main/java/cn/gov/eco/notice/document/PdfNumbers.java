package cn.gov.eco.notice.document;

/** Numbers in content streams, written without the cost of String.format. */
final class PdfNumbers {

    private PdfNumbers() {
    }

    /** Appends {@code v} with at most two decimals. */
    static StringBuilder append(StringBuilder sb, float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            sb.append('-');
            hundredths = -hundredths;
        }
        sb.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            sb.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                sb.append(frac % 10);
            }
        }
        return sb;
    }
}
