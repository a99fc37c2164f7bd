package cn.gov.eco.benchmark;

/** Just enough JSON writing for the results file. */
public final class Json {

    private Json() {
    }

    public static String num(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(java.util.Locale.ROOT, "%.3f", d);
    }

    public static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
